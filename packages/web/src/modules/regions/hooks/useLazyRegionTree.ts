import { useCallback, useMemo, useState } from 'react';
import type { RegionNode } from '../types';
import { useRegionChildren, useRegionChildrenLoader } from './useRegionChildren';

export interface LazyRegionTree {
  roots: RegionNode[];
  childrenOf: ReadonlyMap<string, RegionNode[]>;
  /** Resolves once the children are in `childrenOf`; a failed load leaves the node empty (already reported). */
  loadChildren: (code: string) => Promise<void>;
  /** Names from the scope root down to `code`, using what has been loaded so far. */
  pathTo: (code: string) => RegionNode[];
  isLoading: boolean;
  error: Error | null;
}

export function useLazyRegionTree(): LazyRegionTree {
  const rootQuery = useRegionChildren();
  const load = useRegionChildrenLoader();
  const [childrenOf, setChildrenOf] = useState<ReadonlyMap<string, RegionNode[]>>(() => new Map());

  const loadChildren = useCallback(
    async (code: string) => {
      let items: RegionNode[] = [];
      try {
        items = await load(code);
      } catch {
        // The query cache already showed the error; an empty node stops the tree from retrying in a loop.
      }
      setChildrenOf((previous) => new Map(previous).set(code, items));
    },
    [load],
  );

  const roots = useMemo(() => rootQuery.data ?? [], [rootQuery.data]);

  const pathTo = useCallback(
    (code: string) => {
      const byCode = new Map<string, { node: RegionNode; parent: string | null }>();
      for (const root of roots) byCode.set(root.code, { node: root, parent: null });
      for (const [parent, items] of childrenOf) for (const node of items) byCode.set(node.code, { node, parent });
      const path: RegionNode[] = [];
      for (let entry = byCode.get(code); entry; entry = entry.parent === null ? undefined : byCode.get(entry.parent)) {
        path.unshift(entry.node);
      }
      return path;
    },
    [roots, childrenOf],
  );

  return { roots, childrenOf, loadChildren, pathTo, isLoading: rootQuery.isPending, error: rootQuery.error };
}
