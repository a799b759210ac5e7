import { randomUUID } from 'node:crypto';
import { DEFAULT_CASE_CONFIG, type CaseEvent } from '@zengshou/core';
import type { Database } from '../../src/platform/db/database.ts';
import { storeCaseHistory } from '../../src/modules/cases/cases.service.ts';

const clerk = { userId: randomUUID(), roles: ['village_clerk' as const] };
const reviewer = { userId: randomUUID(), roles: ['township_reviewer' as const] };
const county = { userId: randomUUID(), roles: ['county_admin' as const] };
const at = (date: string) => `${date}T10:00:00+08:00`;

/** The events of a case identified in January 2025 and given one employment measure: a monitored case. */
export function monitoredCaseEvents(householdId: string): CaseEvent[] {
  return [
    { type: 'lead_opened', at: at('2025-01-02'), actor: clerk, source: 'cadre', householdId },
    { type: 'home_checked', at: at('2025-01-03'), actor: clerk, commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '核实', proposedCategory: 'unstable', proposedRiskTypes: ['unstable_employment'] },
    { type: 'notice_started', at: at('2025-01-04'), actor: clerk, startDate: '2025-01-04', endDate: '2025-01-08' },
    { type: 'notice_finished', at: at('2025-01-09'), actor: clerk, objections: 0 },
    { type: 'township_reviewed', at: at('2025-01-10'), actor: reviewer, decision: 'pass', note: '' },
    { type: 'county_approved', at: at('2025-01-12'), actor: county, decision: 'approve', category: 'unstable', riskTypes: ['unstable_employment'] },
    { type: 'measure_added', at: at('2025-01-15'), actor: clerk, measureId: 'm-1', category: 'employment', owner: '县人社局', plannedDate: '2025-03-01' },
  ];
}

/** Stores a case straight into the tables (test fixtures only), through the same path as the demo's cases. */
export async function insertCase(db: Database, h: { countyCode: string; householdId: string; villageCode: string }, events: CaseEvent[] = monitoredCaseEvents(h.householdId)) {
  const caseNo = `${h.countyCode}-2025-F${randomUUID().slice(0, 8)}`;
  const { id } = await db.transaction((tx) =>
    storeCaseHistory(tx, h, events, { config: DEFAULT_CASE_CONFIG, caseNo, source: 'cadre', warningId: null, actorName: () => '测试' }),
  );
  return id;
}
