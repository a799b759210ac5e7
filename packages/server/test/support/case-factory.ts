import { randomUUID } from 'node:crypto';
import { applyCaseEvent, decide, replay, type CaseEvent, type CaseState } from '@zengshou/core';
import type { Database } from '../../src/platform/db/database.ts';
import * as repo from '../../src/modules/cases/cases.repository.ts';

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

/**
 * Stores a case straight into the tables (test fixtures only): every event still passes core's decide, so the
 * fixture is a case the workflow could really have produced.
 */
export async function insertCase(db: Database, h: { countyCode: string; householdId: string; villageCode: string }, events: CaseEvent[] = monitoredCaseEvents(h.householdId)) {
  let state: CaseState = replay([]);
  for (const e of events) {
    const d = decide(state, e);
    if (!d.ok) throw new Error(`fixture step ${e.type} refused: ${d.reason}`);
    state = applyCaseEvent(state, e);
  }
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertCase(tx, {
      county: h.countyCode, id, caseNo: `${h.countyCode}-2025-F${id.slice(0, 8)}`, householdId: h.householdId, villageCode: h.villageCode,
      source: 'cadre', warningId: null, status: state.status!, state, version: events.length, dueKind: null, dueDate: null, at: new Date(events[0]!.at),
    });
    for (const [i, event] of events.entries()) {
      await repo.appendEvent(tx, { county: h.countyCode, caseId: id, seq: i + 1, event, actorId: null, actorName: '测试', requestId: null });
    }
    await repo.replaceMeasures(tx, { county: h.countyCode, caseId: id, householdId: h.householdId, villageCode: h.villageCode }, state.measures);
  });
  return id;
}


