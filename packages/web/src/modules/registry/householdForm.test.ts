import { describe, expect, it } from 'vitest';
import { householdCreateBody, householdFormValuesOf, householdUpdateFrom, isEmptyUpdate } from './householdForm';
import type { Household } from './types';

const household: Household = {
  id: 'h1',
  householdNo: '5334230001',
  villageCode: '533423101201',
  villageName: '某村',
  townshipName: '保和镇',
  address: '一组 8 号',
  householdType: 'poverty_exit',
  assistanceStatus: 'none',
  monitoringCategory: null,
  relocated: false,
  phone: '138****5678',
  problemFlags: { unsafeHousing: false, unsafeWater: true, schoolDropout: false, uninsuredMember: false },
  headName: '和光明',
  memberCount: 4,
  latestIncome: null,
  failingChecks: { errors: 0, warnings: 0 },
  version: 5,
  updatedAt: '2024-01-01T00:00:00Z',
};

describe('household form', () => {
  it('keeps the masked phone when the field is left blank', () => {
    const input = householdUpdateFrom(household, householdFormValuesOf(household));
    expect(input).toEqual({ version: 5 });
    expect(isEmptyUpdate(input)).toBe(true);
  });

  it('sends changed fields and flags only', () => {
    const input = householdUpdateFrom(household, {
      ...householdFormValuesOf(household),
      address: ' 二组 3 号 ',
      unsafeWater: false,
      assistanceStatus: 'dibao',
      phone: ' 13912345678 ',
    });
    expect(input).toEqual({ version: 5, address: '二组 3 号', unsafeWater: false, assistanceStatus: 'dibao', phone: '13912345678' });
  });

  it('sends a blank phone as none and unticked flags as false when creating', () => {
    const body = householdCreateBody({ ...householdFormValuesOf(household), phone: '', unsafeWater: undefined as unknown as boolean });
    expect(body.phone).toBeNull();
    expect(body.unsafeWater).toBe(false);
  });
});
