import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveIncomeRecord } from '../api/incomeApi';
import { incomeKeys } from '../queryKeys';
import type { IncomeRecordBody } from '../types';

export function useSaveIncome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IncomeRecordBody) => saveIncomeRecord(body),
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incomeKeys.all }),
  });
}
