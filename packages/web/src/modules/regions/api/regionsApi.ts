import { http } from '../../api';
import type { RegionNode } from '../types';

/** Without a parent the server answers the caller's own scope as the single root. */
export async function fetchRegionChildren(parent?: string): Promise<RegionNode[]> {
  const { items } = await http.get<{ items: RegionNode[] }>('/api/regions/children', { query: { parent } });
  return items;
}
