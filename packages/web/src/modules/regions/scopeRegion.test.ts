import { describe, expect, it } from 'vitest';
import { scopeRegion } from './scopeRegion';

describe('scopeRegion', () => {
  it('splits the full path name into a breadcrumb trail', () => {
    expect(scopeRegion('533423', '云南省 迪庆藏族自治州  维西傈僳族自治县')).toEqual({
      code: '533423',
      name: '维西傈僳族自治县',
      trail: ['云南省', '迪庆藏族自治州', '维西傈僳族自治县'],
    });
  });
});
