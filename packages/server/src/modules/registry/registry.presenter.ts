import { maskIdNumber, maskPhone } from '@zengshou/core';
import type { HouseholdRow } from './households.repository.ts';
import type { MemberRow } from './members.repository.ts';

/** Rows leave the server only through here: ID numbers and phones are masked; unmasking is its own audited call. */
export function presentHousehold(h: HouseholdRow) {
  return {
    id: h.id,
    householdNo: h.household_no,
    villageCode: h.village_code,
    villageName: h.village_name,
    townshipName: h.township_name,
    address: h.address,
    householdType: h.household_type,
    assistanceStatus: h.assistance_status,
    monitoringCategory: h.monitoring_category,
    relocated: h.relocated,
    phone: h.phone ? maskPhone(h.phone) : null,
    problemFlags: {
      unsafeHousing: h.unsafe_housing,
      unsafeWater: h.unsafe_water,
      schoolDropout: h.school_dropout,
      uninsuredMember: h.uninsured_member,
    },
    headName: h.head_name,
    memberCount: h.member_count,
    latestIncome:
      h.latest_year === null
        ? null
        : { year: h.latest_year, quarter: h.latest_quarter, perCapitaAnnualFen: h.latest_per_capita_annual },
    failingChecks: { errors: h.latest_check_errors, warnings: h.latest_check_warnings },
    version: h.version,
    updatedAt: h.updated_at.toISOString(),
  };
}

export function presentMember(m: MemberRow) {
  return {
    id: m.id,
    householdId: m.household_id,
    name: m.name,
    idNumber: maskIdNumber(m.id_number),
    sex: m.sex,
    birthDate: m.birth_date.slice(0, 4) + '-**-**',
    relation: m.relation,
    labourCapacity: m.labour_capacity,
    health: m.health,
    disabilityGrade: m.disability_grade,
    schooling: m.schooling,
    schoolingStatus: m.schooling_status,
    employmentStatus: m.employment_status,
    employmentPlace: m.employment_place,
    skills: m.skills,
    version: m.version,
  };
}
