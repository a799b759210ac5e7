import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchTargetHistory, fetchTargets, importTargets, saveTarget } from '../api/targetsApi';
import { targetKeys } from '../queryKeys';
import type { TargetRequestBody, YearFilter } from '../types';

export function useTargets(region: string, year: YearFilter) {
  return useQuery({ queryKey: targetKeys.list(region, year), queryFn: () => fetchTargets(region, year) });
}

export function useTargetHistory(region: string, year: number, enabled: boolean) {
  return useQuery({ queryKey: targetKeys.history(region, year), queryFn: () => fetchTargetHistory(region, year), enabled });
}

export function useSaveTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { region: string; year: number; body: TargetRequestBody }) => saveTarget(input.region, input.year, input.body),
    // The modal shows errors itself, including the version conflict.
    meta: { handlesErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

export function useImportTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) => importTargets(input.file, input.dryRun),
    meta: { handlesErrors: true },
    onSuccess: (report) => {
      if (report.applied) void client.invalidateQueries({ queryKey: targetKeys.all });
    },
  });
}
