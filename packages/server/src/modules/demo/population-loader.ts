import { randomUUID } from 'node:crypto';
import type { IncomeItems } from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import type { CopyValue } from '../../platform/db/database.ts';
import { queryRows, sql } from '../../platform/db/sql.ts';
import { evaluateIncome } from '../income/income-evaluation.ts';
import { INCOME_RECORD_COPY_COLUMNS, incomeRecordCopyRow, refreshLatestIncome } from '../income/income.repository.ts';
import { syntheticPopulation, type PopulationOptions, type SyntheticHousehold } from './synthetic-population.ts';

const HOUSEHOLD_COLUMNS = ['county_code', 'id', 'household_no', 'village_code', 'address', 'household_type', 'assistance_status',
  'relocated', 'phone', 'unsafe_housing', 'unsafe_water', 'school_dropout', 'uninsured_member', 'member_count'];
const MEMBER_COLUMNS = ['county_code', 'id', 'household_id', 'id_number', 'name', 'sex', 'birth_date', 'relation', 'labour_capacity',
  'health', 'disability_grade', 'schooling', 'schooling_status', 'employment_status', 'employment_place', 'skills'];
const BATCH = 2_000;

export async function currentVillages(deps: AppDeps, prefix: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(deps.db.orm, sql`SELECT code FROM regions WHERE valid_to IS NULL AND level = 'village'
    AND code LIKE ${prefix + '%'} ORDER BY code`);
  return rows.map((r) => r.code);
}

/**
 * Loads a synthetic population straight into the registry (COPY, in batches, one transaction): the same income
 * evaluation as the entry form and the import, so every record carries its computed figures and logic checks.
 */
export async function loadSyntheticPopulation(
  deps: AppDeps,
  prefix: string,
  options: Omit<PopulationOptions, 'villages'>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ households: number; members: number; incomeRecords: number }> {
  const villages = await currentVillages(deps, prefix);
  if (villages.length === 0) throw new Error(`no villages under ${prefix}: load its regions first (zengshou regions:load)`);
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const totals = { households: 0, members: 0, incomeRecords: 0 };
  await deps.db.transaction(async (tx) => {
    let batch: SyntheticHousehold[] = [];
    const flush = async () => {
      const households: CopyValue[][] = [];
      const history: CopyValue[][] = [];
      const members: CopyValue[][] = [];
      const income: CopyValue[][] = [];
      for (const h of batch) {
        const county = h.villageCode.slice(0, 6);
        const id = randomUUID();
        households.push([county, id, h.householdNo, h.villageCode, h.address, h.householdType, h.assistanceStatus, h.relocated,
          h.phone, h.unsafeHousing, h.unsafeWater, h.schoolDropout, h.uninsuredMember, h.members.length]);
        history.push([county, id, h.assistanceStatus, '2021-01-01', 'generated']);
        for (const m of h.members) {
          members.push([county, randomUUID(), id, m.idNumber, m.name, m.sex, m.birthDate, m.relation, m.labourCapacity, m.health,
            m.disabilityGrade, m.schooling, m.schoolingStatus, m.employmentStatus, m.employmentPlace, m.skills]);
        }
        const facts = h.members.map((m) => ({ birthDate: m.birthDate, labourCapacity: m.labourCapacity, health: m.health, schoolingStatus: m.schoolingStatus, employmentStatus: m.employmentStatus }));
        let previous: { year: number; items: IncomeItems } | null = null;
        for (const r of h.income) {
          const e = evaluateIncome({
            year: r.year, quarter: r.quarter, items: r.items, householdType: h.householdType, monitored: false, monitoringLineFen: null,
            members: facts, previousQuarterItems: previous && previous.year === r.year ? previous.items : null,
          });
          income.push(incomeRecordCopyRow(
            { countyCode: county, householdId: id, villageCode: h.villageCode, year: r.year, quarter: r.quarter, items: r.items, remark: null },
            e,
            { source: 'generated', recordedBy: null, at: now },
          ));
          previous = { year: r.year, items: r.items };
        }
      }
      await tx.copyRows('households', HOUSEHOLD_COLUMNS, households);
      await tx.copyRows('household_assistance_history', ['county_code', 'household_id', 'status', 'valid_from', 'source'], history);
      await tx.copyRows('members', MEMBER_COLUMNS, members);
      await tx.copyRows('income_records', INCOME_RECORD_COPY_COLUMNS, income);
      totals.households += households.length;
      totals.members += members.length;
      totals.incomeRecords += income.length;
      batch = [];
      onProgress?.(totals.households, options.households);
    };
    for (const h of syntheticPopulation({ ...options, villages })) {
      batch.push(h);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    await refreshLatestIncome(tx.orm, sql`SELECT county_code, id AS household_id FROM households WHERE village_code LIKE ${prefix + '%'}`);
    await deps.audit.append(tx, { action: 'demo.population', outcome: 'success', regionCode: prefix, detail: { ...totals, seed: options.seed, today } });
  });
  if (deps.db.kind === 'pglite') await deps.db.pool.query('VACUUM ANALYZE'); // PGlite has no autovacuum
  else await deps.db.pool.query('ANALYZE households; ANALYZE members; ANALYZE income_records');
  return totals;
}
