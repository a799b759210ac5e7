import type { Executor } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql } from '../../platform/db/sql.ts';

export interface MemberRow {
  county_code: string;
  id: string;
  household_id: string;
  id_number: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  relation: string;
  labour_capacity: string;
  health: string;
  disability_grade: number | null;
  schooling: string | null;
  schooling_status: string | null;
  employment_status: string | null;
  employment_place: string | null;
  skills: string | null;
  version: number;
}

export interface MemberWrite {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  relation: string;
  labourCapacity: string;
  health: string;
  disabilityGrade: number | null;
  schooling: string | null;
  schoolingStatus: string | null;
  employmentStatus: string | null;
  employmentPlace: string | null;
  skills: string | null;
}

const memberColumns = sql`m.county_code, m.id, m.household_id, m.id_number, m.name, m.sex, m.birth_date, m.relation,
  m.labour_capacity, m.health, m.disability_grade, m.schooling, m.schooling_status, m.employment_status,
  m.employment_place, m.skills, m.version`;

export function membersOf(orm: Executor, countyCode: string, householdId: string) {
  return queryRows<MemberRow>(
    orm,
    sql`SELECT ${memberColumns} FROM members m WHERE m.county_code = ${countyCode} AND m.household_id = ${householdId}
        ORDER BY (m.relation = 'head') DESC, m.birth_date`,
  );
}

/** A member is in scope when their household is. */
export function findMember(orm: Executor, scope: string, id: string) {
  return queryOne<MemberRow & { village_code: string }>(
    orm,
    sql`SELECT ${memberColumns}, h.village_code FROM members m
        JOIN households h ON h.county_code = m.county_code AND h.id = m.household_id
        WHERE m.id = ${id} AND h.village_code LIKE ${scope + '%'}`,
  );
}

export function insertMember(orm: Executor, countyCode: string, householdId: string, m: MemberWrite) {
  return queryOne<{ id: string }>(
    orm,
    sql`INSERT INTO members (county_code, household_id, id_number, name, sex, birth_date, relation, labour_capacity, health,
                             disability_grade, schooling, schooling_status, employment_status, employment_place, skills)
        VALUES (${countyCode}, ${householdId}, ${m.idNumber}, ${m.name}, ${m.sex}, ${m.birthDate}::date, ${m.relation},
                ${m.labourCapacity}, ${m.health}, ${m.disabilityGrade}, ${m.schooling}, ${m.schoolingStatus},
                ${m.employmentStatus}, ${m.employmentPlace}, ${m.skills})
        RETURNING id`,
  );
}

export function updateMember(orm: Executor, countyCode: string, id: string, version: number, m: MemberWrite, at: Date) {
  return queryOne<{ id: string; version: number }>(
    orm,
    sql`UPDATE members SET id_number = ${m.idNumber}, name = ${m.name}, sex = ${m.sex}, birth_date = ${m.birthDate}::date,
               relation = ${m.relation}, labour_capacity = ${m.labourCapacity}, health = ${m.health},
               disability_grade = ${m.disabilityGrade}, schooling = ${m.schooling}, schooling_status = ${m.schoolingStatus},
               employment_status = ${m.employmentStatus}, employment_place = ${m.employmentPlace}, skills = ${m.skills},
               version = version + 1, updated_at = ${at}
        WHERE county_code = ${countyCode} AND id = ${id} AND version = ${version} RETURNING id, version`,
  );
}

/** Moving keeps the person's record and writes the trail; households stay within one county (Citus co-location). */
export async function moveMember(
  orm: Executor,
  m: { countyCode: string; id: string; version: number; from: string; to: string; reason: string; by: string; at: Date },
) {
  const row = await queryOne<{ id: string; version: number }>(
    orm,
    sql`UPDATE members SET household_id = ${m.to}, relation = 'other', version = version + 1, updated_at = ${m.at}
        WHERE county_code = ${m.countyCode} AND id = ${m.id} AND version = ${m.version} RETURNING id, version`,
  );
  if (!row) return null;
  await orm.execute(sql`INSERT INTO member_moves (county_code, member_id, from_household_id, to_household_id, moved_at, reason, moved_by)
                        VALUES (${m.countyCode}, ${m.id}, ${m.from}, ${m.to}, ${m.at}, ${m.reason}, ${m.by})`);
  return row;
}

export function memberMoves(orm: Executor, countyCode: string, householdId: string) {
  return queryRows<{ member_id: string; from_household_id: string; to_household_id: string; moved_at: Date; reason: string }>(
    orm,
    sql`SELECT member_id, from_household_id, to_household_id, moved_at, reason FROM member_moves
        WHERE county_code = ${countyCode} AND (from_household_id = ${householdId} OR to_household_id = ${householdId})
        ORDER BY moved_at`,
  );
}

/** Which of these ID numbers already exist, and where (for duplicate checks before insert). */
export function existingIdNumbers(orm: Executor, idNumbers: readonly string[]) {
  return queryRows<{ id_number: string; household_id: string; county_code: string }>(
    orm,
    sql`SELECT id_number, household_id, county_code FROM members WHERE id_number = ANY(${sql.param(idNumbers)}::text[])`,
  );
}
