import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegionNode } from '../types';
import { regionChildrenQuery } from './regionQueries';

/** GET /api/regions/children as a query (the scope root when `parent` is omitted). */
export function useRegionChildren(parent?: string) {
  return useQuery(regionChildrenQuery(parent));
}

/** The same endpoint on demand, for lazily expanded trees; answers from cache when it can. */
export function useRegionChildrenLoader(): (parent: string) => Promise<RegionNode[]> {
  const queryClient = useQueryClient();
  return useCallback((parent: string) => queryClient.fetchQuery(regionChildrenQuery(parent)), [queryClient]);
}
