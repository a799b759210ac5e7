import type {
  DisabilityGrade,
  EmploymentPlace,
  EmploymentStatus,
  Health,
  LabourCapacity,
  Relation,
  Schooling,
  SchoolingStatus,
} from '@zengshou/core';
import type { MemberCreateBody, MemberUpdateBody } from './api/registryApi';
import type { Member } from './types';

export interface MemberFormValues {
  name: string;
  /** Blank when editing means "keep the stored number" (which is only known masked). */
  idNumber?: string;
  relation: Relation;
  labourCapacity: LabourCapacity;
  health: Health;
  disabilityGrade?: DisabilityGrade | null;
  schooling: Schooling;
  schoolingStatus: SchoolingStatus;
  employmentStatus: EmploymentStatus;
  employmentPlace?: EmploymentPlace | null;
  skills?: string | null;
}

type MemberFields = Omit<MemberCreateBody, 'householdId'>;

export function memberFormValuesOf(m: Member): MemberFormValues {
  return {
    name: m.name,
    idNumber: '',
    relation: m.relation,
    labourCapacity: m.labourCapacity,
    health: m.health,
    disabilityGrade: m.disabilityGrade,
    schooling: m.schooling,
    schoolingStatus: m.schoolingStatus,
    employmentStatus: m.employmentStatus,
    employmentPlace: m.employmentPlace,
    skills: m.skills ?? '',
  };
}

/**
 * The fields as the server wants them. The disability grade and the place of work are hidden (and sent empty)
 * unless health is 残疾 / the member works for wages, which is the rule the server checks.
 */
function memberFields(values: MemberFormValues): MemberFields {
  const skills = values.skills?.trim();
  return {
    name: values.name.trim(),
    idNumber: (values.idNumber ?? '').trim().toUpperCase(),
    relation: values.relation,
    labourCapacity: values.labourCapacity,
    health: values.health,
    disabilityGrade: values.health === 'disabled' ? (values.disabilityGrade ?? null) : null,
    schooling: values.schooling,
    schoolingStatus: values.schoolingStatus,
    employmentStatus: values.employmentStatus,
    employmentPlace: values.employmentStatus === 'employed' ? (values.employmentPlace ?? null) : null,
    skills: skills ? skills : null,
  };
}

export function memberCreateBody(householdId: string, values: MemberFormValues): MemberCreateBody {
  return { householdId, ...memberFields(values) };
}

const COMPARED = [
  'name',
  'relation',
  'labourCapacity',
  'health',
  'disabilityGrade',
  'schooling',
  'schoolingStatus',
  'employmentStatus',
  'employmentPlace',
  'skills',
] as const satisfies readonly (keyof MemberFields)[];

/** Only changed fields plus the version; the ID number only when a new one was typed. */
export function memberUpdateFrom(base: Member, values: MemberFormValues): MemberUpdateBody {
  const next = memberFields(values);
  const before = memberFields(memberFormValuesOf(base));
  const input: MemberUpdateBody = { version: base.version };
  for (const key of COMPARED) {
    if (next[key] !== before[key]) (input as Record<string, unknown>)[key] = next[key];
  }
  if (next.idNumber) input.idNumber = next.idNumber;
  return input;
}
