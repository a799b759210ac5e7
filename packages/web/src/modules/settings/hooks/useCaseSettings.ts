import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseConfig } from '@zengshou/core';
import { isApiError } from '../../api';
import { fetchCaseSettings, saveCaseSettings } from '../api/settingsApi';
import { settingsKeys } from '../queryKeys';
import type { VersionedCaseSettings } from '../types';

export function useCaseSettings() {
  return useQuery({ queryKey: settingsKeys.cases, queryFn: fetchCaseSettings });
}

function isVersioned(value: unknown): value is VersionedCaseSettings {
  return (
    typeof value === 'object' && value !== null && 'regions' in value && 'defaults' in value &&
    typeof (value as { version?: unknown }).version === 'number'
  );
}

/** A 409 carries the stored settings in details.current; they replace the cached ones (the form keeps its edits). */
export function useSaveCaseSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; regions: Record<string, Partial<CaseConfig>> }) => saveCaseSettings(input),
    meta: { handlesErrors: true },
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.cases, saved),
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = (error.details as { current?: unknown } | undefined)?.current;
      if (isVersioned(current)) queryClient.setQueryData(settingsKeys.cases, current);
      else void queryClient.invalidateQueries({ queryKey: settingsKeys.cases });
    },
  });
}
