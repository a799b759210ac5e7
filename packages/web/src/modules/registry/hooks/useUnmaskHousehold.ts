import { useMutation } from '@tanstack/react-query';
import { unmaskHousehold } from '../api/registryApi';

/** The full numbers are kept only in the dialog that asked for them, never in the query cache. */
export function useUnmaskHousehold(id: string) {
  return useMutation({
    mutationFn: (reason: string) => unmaskHousehold(id, reason),
    meta: { handlesErrors: true },
  });
}
