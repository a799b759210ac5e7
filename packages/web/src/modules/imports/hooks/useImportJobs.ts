import { useQuery } from '@tanstack/react-query';
import { listImportJobs } from '../api/importsApi';
import { importKeys } from '../queryKeys';

export function useImportJobs() {
  return useQuery({ queryKey: importKeys.list, queryFn: listImportJobs, staleTime: 0 });
}
