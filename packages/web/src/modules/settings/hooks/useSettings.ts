import { useQuery } from '@tanstack/react-query';
import { fetchSettings } from '../api/settingsApi';
import { settingsKeys } from '../queryKeys';

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.current, queryFn: fetchSettings });
}
