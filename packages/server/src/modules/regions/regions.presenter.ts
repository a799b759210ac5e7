import type { RegionRow } from './regions.repository.ts';

export function presentRegion(r: RegionRow) {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, hasChildren: r.has_children };
}
