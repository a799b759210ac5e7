import type { CurrentRegion } from './types';

/** The user's own scope as a region; its trail comes from the full path name the server gives. */
export function scopeRegion(code: string, fullName: string): CurrentRegion {
  const trail = fullName.split(/\s+/).filter(Boolean);
  return { code, name: trail.at(-1) ?? fullName, trail };
}
