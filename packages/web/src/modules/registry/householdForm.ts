import type { AssistanceStatus, HouseholdType } from '@zengshou/core';
import type { HouseholdCreateBody, HouseholdUpdateBody } from './api/registryApi';
import { FLAG_FIELDS } from './flags';
import type { Household } from './types';

export interface HouseholdFormValues {
  householdNo: string;
  villageCode: string;
  address: string;
  householdType: HouseholdType;
  assistanceStatus: AssistanceStatus;
  relocated: boolean;
  /** Blank when editing: the stored number is only known masked, so blank means "keep". */
  phone?: string;
  unsafeHousing: boolean;
  unsafeWater: boolean;
  schoolDropout: boolean;
  uninsuredMember: boolean;
}

export function householdFormValuesOf(h: Household): HouseholdFormValues {
  return {
    householdNo: h.householdNo,
    villageCode: h.villageCode,
    address: h.address,
    householdType: h.householdType,
    assistanceStatus: h.assistanceStatus,
    relocated: h.relocated,
    phone: '',
    ...h.problemFlags,
  };
}

export function householdCreateBody(values: HouseholdFormValues): HouseholdCreateBody {
  const phone = values.phone?.trim();
  return {
    householdNo: values.householdNo.trim(),
    villageCode: values.villageCode,
    address: values.address.trim(),
    householdType: values.householdType,
    assistanceStatus: values.assistanceStatus,
    relocated: Boolean(values.relocated),
    phone: phone ? phone : null,
    unsafeHousing: Boolean(values.unsafeHousing),
    unsafeWater: Boolean(values.unsafeWater),
    schoolDropout: Boolean(values.schoolDropout),
    uninsuredMember: Boolean(values.uninsuredMember),
  };
}

/** Only what differs from `base` is sent, so a save never silently reverts someone else's change. */
export function householdUpdateFrom(base: Household, values: HouseholdFormValues): HouseholdUpdateBody {
  const next = householdCreateBody(values);
  const before = householdCreateBody(householdFormValuesOf(base));
  const input: HouseholdUpdateBody = { version: base.version };
  const changed = <K extends keyof HouseholdCreateBody>(key: K) => next[key] !== before[key];
  if (changed('householdNo')) input.householdNo = next.householdNo;
  if (changed('villageCode')) input.villageCode = next.villageCode;
  if (changed('address')) input.address = next.address;
  if (changed('householdType')) input.householdType = next.householdType;
  if (changed('assistanceStatus')) input.assistanceStatus = next.assistanceStatus;
  if (changed('relocated')) input.relocated = next.relocated;
  if (next.phone) input.phone = next.phone;
  for (const flag of FLAG_FIELDS) if (changed(flag)) input[flag] = next[flag];
  return input;
}

export function isEmptyUpdate(input: { version: number }): boolean {
  return Object.keys(input).length === 1;
}
