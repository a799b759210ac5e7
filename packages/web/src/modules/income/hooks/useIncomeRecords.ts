import { useQuery } from '@tanstack/react-query';
import { listIncomeRecords } from '../api/incomeApi';
import { incomeKeys } from '../queryKeys';

export function useIncomeRecords(householdId: string, revisions: boolean) {
  return useQuery({
    queryKey: incomeKeys.records(householdId, revisions),
    queryFn: () => listIncomeRecords(householdId, revisions),
  });
}
