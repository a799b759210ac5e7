import type { MessageKey } from '../i18n';
import type { ProblemFlagKey, ProblemFlagParam } from './types';

/** The household problem flags (两不愁三保障 shortfalls), in display order. */
export const FLAG_FIELDS: readonly ProblemFlagKey[] = ['unsafeHousing', 'unsafeWater', 'schoolDropout', 'uninsuredMember'];

export const FLAG_LABEL_KEYS: Readonly<Record<ProblemFlagKey, MessageKey>> = {
  unsafeHousing: 'household.flag.unsafeHousing',
  unsafeWater: 'household.flag.unsafeWater',
  schoolDropout: 'household.flag.schoolDropout',
  uninsuredMember: 'household.flag.uninsuredMember',
};

/** The list filter spells the flags in snake case. */
export const FLAG_PARAM_OF: Readonly<Record<ProblemFlagKey, ProblemFlagParam>> = {
  unsafeHousing: 'unsafe_housing',
  unsafeWater: 'unsafe_water',
  schoolDropout: 'school_dropout',
  uninsuredMember: 'uninsured_member',
};
