import type {
  AssistanceStatus,
  EmploymentPlace,
  EmploymentStatus,
  Health,
  HouseholdType,
  LabourCapacity,
  MonitoringCategory,
  Relation,
  Schooling,
  SchoolingStatus,
  Sex,
} from '@zengshou/core';

export type ProblemFlagKey = 'unsafeHousing' | 'unsafeWater' | 'schoolDropout' | 'uninsuredMember';
/** The same flags as the list filter spells them. */
export type ProblemFlagParam = 'unsafe_housing' | 'unsafe_water' | 'school_dropout' | 'uninsured_member';

export interface LatestIncome {
  year: number;
  quarter: number;
  /** Year-to-date per-capita net income scaled to a year, in fen; null when the record is 待核实 and does not count. */
  perCapitaAnnualFen: number | null;
}

export interface Household {
  id: string;
  householdNo: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  address: string;
  householdType: HouseholdType;
  assistanceStatus: AssistanceStatus;
  monitoringCategory: MonitoringCategory | null;
  relocated: boolean;
  /** Masked (138****5678); the full number only through the audited unmask call. */
  phone: string | null;
  problemFlags: Record<ProblemFlagKey, boolean>;
  headName: string | null;
  memberCount: number;
  latestIncome: LatestIncome | null;
  failingChecks: { errors: number; warnings: number };
  version: number;
  updatedAt: string;
}

export interface Member {
  id: string;
  householdId: string;
  name: string;
  /** Masked: 533423********1234. */
  idNumber: string;
  sex: Sex | null;
  /** Year only: '1980-**-**'. */
  birthDate: string;
  relation: Relation;
  labourCapacity: LabourCapacity;
  health: Health;
  disabilityGrade: 1 | 2 | 3 | 4 | null;
  schooling: Schooling;
  schoolingStatus: SchoolingStatus;
  employmentStatus: EmploymentStatus;
  employmentPlace: EmploymentPlace | null;
  skills: string | null;
  version: number;
}

export interface AssistanceHistoryEntry {
  status: AssistanceStatus;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

export interface MemberMove {
  member_id: string;
  from_household_id: string;
  to_household_id: string;
  moved_at: string;
  reason: string;
}

export interface HouseholdDetail {
  household: Household;
  members: Member[];
  assistanceHistory: AssistanceHistoryEntry[];
  memberMoves: MemberMove[];
}

/** List filters; the region comes from the layout's current region. */
export interface HouseholdFilters {
  householdType?: HouseholdType;
  monitoringCategory?: MonitoringCategory | 'any';
  assistanceStatus?: AssistanceStatus;
  /** Per-capita net income band, yuan per year. */
  incomeMin?: number;
  incomeMax?: number;
  failingChecks?: boolean;
  problemFlag?: ProblemFlagParam;
  q?: string;
}

export interface HouseholdListState extends HouseholdFilters {
  page: number;
  pageSize: number;
}

export interface HouseholdHistoryEntry {
  seq: number;
  occurredAt: string;
  username: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

export interface UnmaskResult {
  phone: string | null;
  members: { id: string; name: string; idNumber: string; birthDate: string }[];
}
