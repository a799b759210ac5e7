import { useMutation } from '@tanstack/react-query';
import { verifyAuditChain } from '../api/auditApi';

/** A GET, but run on demand: walking the whole hash chain is deliberate work, not something to cache. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
