import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { nameFromTrail, parentsToLoad } from '../regionNames';
import { regionChildrenQuery } from './regionQueries';
import { useCurrentRegion } from './useCurrentRegion';

/**
 * Names of region codes around the user's scope: the scope and its ancestors from the scope's path, regions
 * below it from the (cached) children lists. A code not (yet) resolved is missing from the map.
 */
export function useRegionNames(codes: readonly string[]): ReadonlyMap<string, string> {
  const { scope } = useCurrentRegion();
  const unique = useMemo(() => [...new Set(codes)].sort(), [codes]);
  const parents = useMemo(() => parentsToLoad(unique, scope.code), [unique, scope.code]);
  const children = useQueries({ queries: parents.map((parent) => ({ ...regionChildrenQuery(parent), meta: { handlesErrors: true } })) });
  const names = new Map<string, string>();
  for (const code of unique) {
    const name = nameFromTrail(code, scope);
    if (name) names.set(code, name);
  }
  for (const list of children) for (const node of list.data ?? []) names.set(node.code, node.name);
  return names;
}
