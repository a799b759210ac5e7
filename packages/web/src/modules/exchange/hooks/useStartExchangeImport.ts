import { useMutation } from '@tanstack/react-query';
import { startExchangeImport } from '../api/exchangeApi';

export function useStartExchangeImport() {
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => startExchangeImport(file, dryRun),
    meta: { handlesErrors: true },
  });
}
