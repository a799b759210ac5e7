import { z } from 'zod';

/**
 * 12-digit statistical division codes (统计用区划代码, domain.md §10):
 * province 2 + city 2 + county 2 + township 3 + village 3.
 * A "prefix" is a code at its natural length (2/4/6/9/12 digits); a user's scope is a prefix.
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export type TownshipKind = 'street' | 'town' | 'township' | 'other';
export type VillageKind = 'residents-committee' | 'village' | 'other';

const LEVEL_BY_LENGTH: Readonly<Record<number, RegionLevel>> = {
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'township',
  12: 'village',
};

/** Group boundaries: [end offset of each group]. */
const GROUP_ENDS = [2, 4, 6, 9, 12] as const;

function groupsOf(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of GROUP_ENDS) {
    if (end > code.length) break;
    out.push(code.slice(start, end));
    start = end;
  }
  return out;
}

const isZeros = (g: string) => /^0+$/.test(g);

/**
 * Digits only, length 2/4/6/9/12, and no all-zero group: a zero group means "this level not
 * present", so such a string is a padded code, not a natural prefix (use toPrefix first).
 */
export function isRegionPrefix(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d+$/.test(s) || !(s.length in LEVEL_BY_LENGTH)) return false;
  return !groupsOf(s).some(isZeros);
}

/** 12 digits, pad zeros included; e.g. '533423000000'. */
export function isPaddedRegionCode(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{12}$/.test(s)) return false;
  try {
    toPrefix(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * Natural prefix of a code: trailing all-zero groups are dropped ('533423000000' → '533423',
 * '533423101000' → '533423101'). Also accepts 2/4/6/9-digit codes, so 6-digit GB/T 2260 codes
 * like '533400' (a prefecture) come out as '5334'. Throws for the all-zero code or a zero group
 * followed by a non-zero one (not a real division).
 */
export function toPrefix(code: string): string {
  if (!/^\d+$/.test(code) || !(code.length in LEVEL_BY_LENGTH)) {
    throw new RangeError(`not a region code: ${JSON.stringify(code)}`);
  }
  const groups = groupsOf(code);
  while (groups.length > 0 && isZeros(groups[groups.length - 1]!)) groups.pop();
  const prefix = groups.join('');
  if (!isRegionPrefix(prefix)) throw new RangeError(`not a region code: ${JSON.stringify(code)}`);
  return prefix;
}

/**
 * Level of a code given at its natural length. A 12-digit code ending in zero groups is read as the
 * padded form of a higher level, since a real village group is never 000.
 */
export function regionLevelOf(code: string): RegionLevel {
  const prefix = code.length === 12 ? toPrefix(code) : code;
  if (!isRegionPrefix(prefix)) throw new RangeError(`not a region prefix: ${JSON.stringify(code)}`);
  return LEVEL_BY_LENGTH[prefix.length]!;
}

export function padRegionCode(prefix: string): string {
  if (!isRegionPrefix(prefix)) throw new RangeError(`not a region prefix: ${JSON.stringify(prefix)}`);
  return prefix.padEnd(12, '0');
}

/** Prefix one level up; null for a province. */
export function parentPrefix(prefix: string): string | null {
  if (!isRegionPrefix(prefix)) throw new RangeError(`not a region prefix: ${JSON.stringify(prefix)}`);
  const i = GROUP_ENDS.indexOf(prefix.length as (typeof GROUP_ENDS)[number]);
  return i <= 0 ? null : prefix.slice(0, GROUP_ENDS[i - 1]);
}

/**
 * Access check: does a record's code fall within a user's scope? Fails closed: a malformed scope or
 * record code is never in scope. A 12-digit padded scope is read as its natural prefix (a real
 * village group is never 000, so this cannot widen a village scope).
 * A record coded at a higher level than the scope (e.g. county record, township scope) is outside it.
 */
export function isWithinScope(recordCode: string, scopePrefix: string): boolean {
  if (typeof recordCode !== 'string' || typeof scopePrefix !== 'string') return false;
  if (!/^\d{2,12}$/.test(recordCode)) return false;
  let scope = scopePrefix;
  if (scope.length === 12) {
    try {
      scope = toPrefix(scope);
    } catch {
      return false;
    }
  }
  // Other lengths must already be natural: '533400' is rejected rather than widened to '5334'.
  if (!isRegionPrefix(scope)) return false;
  return recordCode.startsWith(scope);
}

/** First 6 digits (county-level code, as used in ID address codes and GB/T 2260). */
export function countyCodeOf(code: string): string {
  if (!/^\d{6,12}$/.test(code)) throw new RangeError(`code has no county part: ${JSON.stringify(code)}`);
  return code.slice(0, 6);
}

/**
 * Kind of township and village from the range rules of the statistical code (domain.md §10).
 * Ranges outside the documented ones (e.g. 400–599 used for development zones and similar
 * units) give 'other'.
 */
export function villageKind(code12: string): { township: TownshipKind; village: VillageKind } {
  const parsed = villageCodeSchema.safeParse(code12);
  if (!parsed.success) throw new RangeError(`not a village code: ${JSON.stringify(code12)}`);
  const code = parsed.data;
  const t = Number(code.slice(6, 9));
  const v = Number(code.slice(9, 12));
  const township: TownshipKind = t <= 99 ? 'street' : t <= 199 ? 'town' : t <= 399 ? 'township' : 'other';
  const village: VillageKind = v <= 199 ? 'residents-committee' : v <= 399 ? 'village' : 'other';
  return { township, village };
}

export const regionPrefixSchema = z
  .string()
  .trim()
  .refine(isRegionPrefix, { message: '区划代码应为 2、4、6、9 或 12 位数字，且各级代码不能为全 0' });

export const villageCodeSchema = z
  .string()
  .trim()
  .refine((s) => /^\d{12}$/.test(s) && isRegionPrefix(s), { message: '村级区划代码应为 12 位数字' });
