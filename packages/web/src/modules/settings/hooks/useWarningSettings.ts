import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WarningConfig } from '@zengshou/core';
import { isApiError } from '../../api';
import { fetchWarningSettings, saveWarningSettings } from '../api/settingsApi';
import { settingsKeys } from '../queryKeys';
import type { VersionedWarningSettings } from '../types';

export function useWarningSettings() {
  return useQuery({ queryKey: settingsKeys.warnings, queryFn: fetchWarningSettings });
}

function isVersioned(value: unknown): value is VersionedWarningSettings {
  return (
    typeof value === 'object' && value !== null && 'config' in value && Array.isArray((value as { rules?: unknown }).rules) &&
    typeof (value as { version?: unknown }).version === 'number'
  );
}

/** A 409 carries the stored settings in details.current; they replace the cached ones (the form keeps its edits). */
export function useSaveWarningSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; config: WarningConfig }) => saveWarningSettings(input),
    meta: { handlesErrors: true },
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.warnings, saved),
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = (error.details as { current?: unknown } | undefined)?.current;
      if (isVersioned(current)) queryClient.setQueryData(settingsKeys.warnings, current);
      else void queryClient.invalidateQueries({ queryKey: settingsKeys.warnings });
    },
  });
}
