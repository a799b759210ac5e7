import { parentPrefix } from '@zengshou/core';
import type { CurrentRegion } from './types';

const PREFIX_LENGTHS = [2, 4, 6, 9, 12];

/**
 * The name of the scope itself or of a region above it, read from the scope's trail (province first), or null
 * when the trail cannot tell (a region below the scope, or a trail that does not start at the province).
 */
export function nameFromTrail(code: string, scope: CurrentRegion): string | null {
  if (!scope.code.startsWith(code)) return null;
  const level = PREFIX_LENGTHS.indexOf(code.length);
  const scopeLevel = PREFIX_LENGTHS.indexOf(scope.code.length);
  if (level < 0 || scopeLevel < 0 || scope.trail.length !== scopeLevel + 1) return null;
  return scope.trail[level] ?? null;
}

/** Parents whose children lists name the regions below the scope among `codes` (each parent once). */
export function parentsToLoad(codes: readonly string[], scopeCode: string): string[] {
  const parents = new Set<string>();
  for (const code of codes) {
    if (code.length <= scopeCode.length || !code.startsWith(scopeCode)) continue;
    const parent = parentPrefix(code);
    if (parent) parents.add(parent);
  }
  return [...parents].sort();
}
