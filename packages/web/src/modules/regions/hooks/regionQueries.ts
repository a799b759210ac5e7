import { queryOptions } from '@tanstack/react-query';
import { fetchRegionChildren } from '../api/regionsApi';

const SCOPE_ROOT = '__scope__';

/** Region codes change once a year at most; keep what was loaded for the whole visit. */
export function regionChildrenQuery(parent?: string) {
  return queryOptions({
    queryKey: ['regions', 'children', parent ?? SCOPE_ROOT] as const,
    queryFn: () => fetchRegionChildren(parent),
    staleTime: 30 * 60_000,
  });
}
