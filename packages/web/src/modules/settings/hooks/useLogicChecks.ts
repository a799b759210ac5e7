import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api';
import { fetchLogicChecks, saveLogicChecks } from '../api/settingsApi';
import { settingsKeys } from '../queryKeys';
import type { VersionedLogicChecks } from '../types';

export function useLogicChecks() {
  return useQuery({ queryKey: settingsKeys.logicChecks, queryFn: fetchLogicChecks });
}

function isVersioned(value: unknown): value is VersionedLogicChecks {
  return typeof value === 'object' && value !== null && 'config' in value && typeof (value as { version?: unknown }).version === 'number';
}

/** A 409 carries the stored settings in details.current; they replace the cached ones (the form keeps its edits). */
export function useSaveLogicChecks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VersionedLogicChecks) => saveLogicChecks(input),
    meta: { handlesErrors: true },
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.logicChecks, saved),
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = (error.details as { current?: unknown } | undefined)?.current;
      if (isVersioned(current)) queryClient.setQueryData(settingsKeys.logicChecks, current);
      else void queryClient.invalidateQueries({ queryKey: settingsKeys.logicChecks });
    },
  });
}
