import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMonitoringLines, saveMonitoringLine } from '../api/monitoringApi';
import { monitoringKeys } from '../queryKeys';
import type { LineRequestBody } from '../types';

export function useMonitoringLines() {
  return useQuery({ queryKey: monitoringKeys.lines, queryFn: fetchMonitoringLines });
}

/** Answers the same shape as the list, so the tables update without another round trip. */
export function useSaveMonitoringLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LineRequestBody) => saveMonitoringLine(body),
    meta: { handlesErrors: true },
    onSuccess: (lines) => queryClient.setQueryData(monitoringKeys.lines, lines),
  });
}
