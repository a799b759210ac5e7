import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startImport } from '../api/importsApi';
import { importKeys } from '../queryKeys';
import type { ImportMode } from '../types';

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode, dryRun }: { file: File; mode: ImportMode; dryRun: boolean }) => startImport(file, mode, dryRun),
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.list }),
  });
}
