import { useQuery } from '@tanstack/react-query';
import { getExchangeJob } from '../api/exchangeApi';
import { isJobFinished } from '../exchangeView';

export const exchangeKeys = { job: (id: string) => ['exchange', 'job', id] as const };

/** Follows one exchange import: asks every second while it runs, then stops. */
export function useExchangeJob(id: string | null) {
  return useQuery({
    queryKey: exchangeKeys.job(id ?? ''),
    queryFn: () => getExchangeJob(id!),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => {
      const job = query.state.data?.job;
      return job && isJobFinished(job) ? false : 1000;
    },
    refetchIntervalInBackground: true,
  });
}
