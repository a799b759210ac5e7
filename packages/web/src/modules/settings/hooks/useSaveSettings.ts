import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveSettings } from '../api/settingsApi';
import { settingsKeys } from '../queryKeys';
import type { VersionedSettings } from '../types';

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VersionedSettings) => saveSettings(input),
    meta: { handlesErrors: true },
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.current, saved),
  });
}
