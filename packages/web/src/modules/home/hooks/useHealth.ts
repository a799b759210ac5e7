import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from '../api/healthApi';

export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: fetchHealth, meta: { handlesErrors: true } });
}
