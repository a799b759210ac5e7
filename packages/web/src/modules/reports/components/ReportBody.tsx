import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { FullPageSpin, LoadErrorResult } from '../../ui';

/** A report's query state: spinner, the server's message with a retry, or the sheet. */
export function ReportBody<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <FullPageSpin />;
  if (query.error) return <LoadErrorResult message={query.error.message} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
