import {
  type CaseActor, type CaseEvent, type MeasureCategory, type RiskType,
} from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import { queryOne, queryRows, sql } from '../../platform/db/sql.ts';
import { CasesService, storeCaseHistory } from './cases.service.ts';
import * as repo from './cases.repository.ts';

const DAY = 86_400_000;

/** Where a demo case stands today; each is a state a county sees every week. */
const PLAN = [
  'lead', 'lead_due_soon', 'lead_overdue', 'home_checked', 'in_notice', 'notice_ended', 'township_review', 'county_approval',
  'county_approval', 'monitored_no_measure', 'monitored', 'monitored', 'disaster_lead',
] as const;
type Stage = (typeof PLAN)[number];

const RISK_BY_RULE: Record<string, { risk: RiskType; measure: MeasureCategory; owner: string }> = {
  below_line: { risk: 'unstable_employment', measure: 'employment', owner: '县人力资源和社会保障局' },
  near_line: { risk: 'unstable_employment', measure: 'public_welfare_job', owner: '镇人民政府' },
  income_fell: { risk: 'business_failure', measure: 'industry', owner: '县农业农村局' },
};

/**
 * Demo cases in every stage of the workflow for the township the demo accounts work in, opened from real open
 * warnings. Each event still passes core's `decide` in order, dated back from today, so the demo shows what the
 * workflow could really have produced: leads near and past their deadline, notices on the wall, items waiting for
 * the township and the county, and monitored households with and without their first measure.
 */
export async function seedDemoCases(deps: AppDeps, township: string, log: (line: string) => void) {
  const { db, clock } = deps;
  const existing = await queryOne<{ n: number }>(db.orm, sql`SELECT count(*)::int8 AS n FROM cases`);
  if ((existing?.n ?? 0) > 0) return;
  const users = await queryRows<{ id: string; username: string; display_name: string }>(db.orm, sql`SELECT id, username, display_name FROM users
    WHERE username IN ('clerk', 'reviewer', 'county')`);
  const user = (name: string) => users.find((u) => u.username === name);
  const clerkUser = user('clerk');
  const reviewerUser = user('reviewer');
  const countyUser = user('county');
  if (!clerkUser || !reviewerUser || !countyUser) return;
  // Up to 19 households in the clerk's village (the first of the township), one in each other village.
  const warnings = await queryRows<{ id: string; household_id: string; county_code: string; village_code: string; rule_id: string }>(db.orm, sql`
    SELECT DISTINCT ON (w.household_id) w.id, w.household_id, w.county_code, w.village_code, w.rule_id
    FROM warnings w WHERE w.status = 'open' AND w.village_code LIKE ${township + '%'} AND w.rule_id IN ('below_line', 'near_line', 'income_fell')
    ORDER BY w.household_id, w.score DESC LIMIT 400`);
  const byVillage = new Map<string, typeof warnings>();
  for (const w of warnings) byVillage.set(w.village_code, [...(byVillage.get(w.village_code) ?? []), w]);
  const villages = [...byVillage.keys()].sort();
  const picks: { warning: (typeof warnings)[number]; stage: Stage }[] = [];
  // Stages are dealt round-robin over the picks, so every stage appears even in a small demo.
  for (const [i, village] of villages.entries()) {
    for (const warning of byVillage.get(village)!.slice(0, i === 0 ? 19 : 1)) picks.push({ warning, stage: PLAN[picks.length % PLAN.length]! });
  }
  if (picks.length === 0) return;

  const now = clock.now().getTime();
  const actor = (u: typeof clerkUser, role: CaseActor['roles'][number]): CaseActor => ({ userId: u.id, roles: [role] });
  const clerk = actor(clerkUser, 'village_clerk');
  const reviewer = actor(reviewerUser, 'township_reviewer');
  const county = actor(countyUser, 'county_admin');
  const service = new CasesService(deps);
  let made = 0;
  await db.transaction(async (tx) => {
    for (const [n, { warning: w, stage }] of picks.entries()) {
      const plan = RISK_BY_RULE[w.rule_id] ?? RISK_BY_RULE.below_line!;
      const events = demoEvents(stage, now, { clerk, reviewer, county }, w, plan);
      const year = new Date(events[0]!.at).getUTCFullYear();
      const caseNo = `${w.county_code}-${year}-${String(await repo.nextCaseNumber(tx, w.county_code, year)).padStart(5, '0')}`;
      const { state } = await storeCaseHistory(tx, { countyCode: w.county_code, householdId: w.household_id, villageCode: w.village_code }, events, {
        config: await service.config(w.village_code, tx.orm), caseNo, source: 'warning', warningId: w.id,
        actorName: (e) => (e.actor.roles[0] === 'village_clerk' ? clerkUser.display_name : e.actor.roles[0] === 'township_reviewer' ? reviewerUser.display_name : countyUser.display_name),
      });
      if (state.status === 'monitored' && state.category) await repo.setHouseholdCategory(tx, w.county_code, w.household_id, state.category);
      made = n + 1;
    }
  });
  log(`演示案件：${made} 件（线索、入户核实、公示、乡镇审核、县级审定、帮扶中）`);
}

function demoEvents(
  stage: Stage,
  now: number,
  a: { clerk: CaseActor; reviewer: CaseActor; county: CaseActor },
  w: { id: string; household_id: string },
  plan: { risk: RiskType; measure: MeasureCategory; owner: string },
): CaseEvent[] {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const date = (daysAgo: number) => new Date(now + 8 * 3_600_000 - daysAgo * DAY).toISOString().slice(0, 10);
  // How many days ago the lead was opened, by stage: the later the stage, the older the case.
  const start = { lead: 1, lead_due_soon: 14, lead_overdue: 20, home_checked: 5, in_notice: 5, notice_ended: 9, township_review: 11, county_approval: 12, monitored_no_measure: 26, monitored: 240, disaster_lead: 2 }[stage];
  const events: CaseEvent[] = [{ type: 'lead_opened', at: at(start), actor: a.clerk, source: 'warning', householdId: w.household_id, warningId: w.id, ...(stage === 'disaster_lead' ? { disaster: true } : {}) }];
  if (stage === 'lead' || stage === 'lead_due_soon' || stage === 'lead_overdue') return events;
  if (stage === 'disaster_lead') {
    // 先帮扶后认定: the village starts help the next day, before the check and the notice.
    events.push({ type: 'measure_added', at: at(1), actor: a.clerk, measureId: `${w.id.slice(0, 8)}-1`, category: 'social_help', owner: '乡镇民政办', plannedDate: date(-7), amountFen: 200_000 });
    return events;
  }
  events.push({
    type: 'home_checked', at: at(start - 1), actor: a.clerk, commitmentSigned: true, authorisationSigned: true, finding: 'include',
    note: '入户核实：家庭收入下降，两不愁三保障情况已逐项核对，农户签署承诺书和授权书', proposedCategory: 'unstable', proposedRiskTypes: [plan.risk],
  });
  if (stage === 'home_checked') return events;
  const noticeStart = start - 2;
  events.push({ type: 'notice_started', at: at(noticeStart), actor: a.clerk, startDate: date(noticeStart), endDate: date(noticeStart - 4) });
  if (stage === 'in_notice' || stage === 'notice_ended') return events;
  events.push({ type: 'notice_finished', at: at(noticeStart - 6), actor: a.clerk, objections: 0 });
  if (stage === 'township_review') return events;
  events.push({ type: 'township_reviewed', at: at(noticeStart - 7), actor: a.reviewer, decision: 'pass', note: '材料齐全，同意上报' });
  if (stage === 'county_approval') return events;
  events.push({ type: 'county_approved', at: at(noticeStart - 9), actor: a.county, decision: 'approve', category: 'unstable', riskTypes: [plan.risk] });
  if (stage === 'monitored_no_measure') return events;
  events.push({ type: 'measure_added', at: at(noticeStart - 12), actor: a.clerk, measureId: `${w.id.slice(0, 8)}-1`, category: plan.measure, owner: plan.owner, plannedDate: date(noticeStart - 60), amountFen: 300_000 });
  events.push({ type: 'measure_updated', at: at(noticeStart - 70), actor: a.clerk, measureId: `${w.id.slice(0, 8)}-1`, status: 'done', actualDate: date(noticeStart - 70) });
  return events;
}
