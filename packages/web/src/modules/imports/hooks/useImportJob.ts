import { useQuery } from '@tanstack/react-query';
import { getImportJob } from '../api/importsApi';
import { isFinished } from '../importProgress';
import { importKeys } from '../queryKeys';

/** Follows one import: asks every second while it runs, then stops. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: importKeys.job(id),
    queryFn: () => getImportJob(id),
    staleTime: 0,
    refetchInterval: (query) => {
      const job = query.state.data?.job;
      return job && isFinished(job) ? false : 1000;
    },
    refetchIntervalInBackground: true,
  });
}
