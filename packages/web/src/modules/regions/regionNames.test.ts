import { describe, expect, it } from 'vitest';
import { nameFromTrail, parentsToLoad } from './regionNames';

const scope = { code: '533423', name: '维西傈僳族自治县', trail: ['云南省', '迪庆藏族自治州', '维西傈僳族自治县'] };

describe('nameFromTrail', () => {
  it('names the scope and its ancestors by level', () => {
    expect(nameFromTrail('53', scope)).toBe('云南省');
    expect(nameFromTrail('5334', scope)).toBe('迪庆藏族自治州');
    expect(nameFromTrail('533423', scope)).toBe('维西傈僳族自治县');
  });

  it('cannot name regions below or beside the scope, or with a short trail', () => {
    expect(nameFromTrail('533423101', scope)).toBeNull();
    expect(nameFromTrail('52', scope)).toBeNull();
    expect(nameFromTrail('53', { ...scope, trail: ['维西傈僳族自治县'] })).toBeNull();
  });
});

describe('parentsToLoad', () => {
  it('lists each parent of the regions below the scope once', () => {
    expect(parentsToLoad(['53', '533423', '533423101', '533423102', '533423101201'], '533423')).toEqual(['533423', '533423101']);
  });
});
