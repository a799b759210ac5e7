import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAuditEvents } from '../api/auditApi';
import type { AuditQuery } from '../types';

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => listAuditEvents(query),
    placeholderData: keepPreviousData,
  });
}
