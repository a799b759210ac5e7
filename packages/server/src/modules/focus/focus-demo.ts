import type { FocusGroup, MeasureCategory } from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import { queryOne, sql } from '../../platform/db/sql.ts';
import * as repo from './focus.repository.ts';
import { FocusService, yearInChina } from './focus.service.ts';

const CADRES = ['和建华', '李红梅', '余志强', '蜂春兰', '杨国富', '和丽芬'];
const MEASURES: { text: string; category: MeasureCategory }[][] = [
  [{ text: '安排护林员公益性岗位，月补贴 800 元', category: 'public_welfare_job' }, { text: '发展中药材种植 3 亩，提供种苗', category: 'industry' }],
  [{ text: '推荐到县内农产品加工企业务工', category: 'employment' }, { text: '申请脱贫人口小额信贷 3 万元发展养殖', category: 'finance' }],
  [{ text: '参加中式烹调技能培训', category: 'employment' }, { text: '土地流转入股合作社，年底分红', category: 'industry' }],
];

/** Target in fen, rounded up to whole hundreds of yuan (targets are set in round figures). */
const roundUp = (fen: number) => Math.ceil(fen / 10_000) * 10_000;

/**
 * Demo plans (一户一策) for the focus ledgers of `region` (the demo township), so the page is not empty: the first
 * households of each ledger without a plan get a cadre, measures and a target — 2,000 yuan above today's income when it
 * is under the threshold; for a household that fell but is still above the threshold, staying above it (10,000 yuan),
 * which the first refresh finds met and closes out (销号). Only runs while the region has no plan.
 */
export async function seedDemoFocusPlans(deps: AppDeps, region: string, log: (line: string) => void = () => {}, perLedger = 8) {
  const { db, clock } = deps;
  const existing = await queryOne<{ n: number }>(db.orm, sql`SELECT count(*)::int8 AS n FROM focus_plans p
    JOIN households h ON h.county_code = p.county_code AND h.id = p.household_id WHERE h.village_code LIKE ${region + '%'}`);
  if ((existing?.n ?? 0) > 0) return { plans: 0, closedOut: 0 };
  const service = new FocusService(deps);
  const config = await service.config();
  const rules = { thresholdFen: config.lowIncomeThresholdFen, householdTypes: config.householdTypes };
  const pick = async (group: FocusGroup) => (await repo.ledgerPage(db.orm, { region, group, planStatus: 'none' }, rules, perLedger, 0)).rows;
  const candidates = new Map<string, repo.LedgerRow>();
  for (const group of ['low_income', 'income_fell'] as const) for (const r of await pick(group)) candidates.set(r.household_id, r);
  if (candidates.size === 0) return { plans: 0, closedOut: 0 };

  const clerk = await queryOne<{ id: string; display_name: string }>(db.orm, sql`SELECT id, display_name FROM users WHERE username = 'clerk'`);
  const at = clock.now();
  const by: repo.Recorder = { userId: clerk?.id ?? null, name: clerk?.display_name ?? '演示数据', at };
  const year = yearInChina(at);
  const result = await db.transaction(async (tx) => {
    let i = 0;
    for (const r of candidates.values()) {
      const pc = r.pc ?? 0;
      const target = r.low_now ? roundUp(pc + 200_000) : config.lowIncomeThresholdFen;
      const write: repo.PlanWrite = {
        ledgerGroups: (['low_income', 'income_fell'] as const).filter((g) => (g === 'low_income' ? r.low_now : r.fell_now)),
        cadreName: CADRES[i % CADRES.length]!,
        cadrePhone: null,
        targetYear: year,
        targetPerCapitaFen: target,
        parts: { wage: null, business: null, property: null, transfer: null },
        measures: MEASURES[i % MEASURES.length]!,
      };
      const planId = await repo.insertPlan(tx, r.county_code, r.household_id, write, by);
      await repo.insertCreationEvent(tx, r.county_code, planId, r.household_id, target, by);
      await repo.insertRevision(tx, r.county_code, planId, r.household_id, 1, write, '已入户走访，与户主共同制定一户一策', by);
      i++;
    }
    return repo.refreshStatuses(tx, region, by);
  });
  log(`重点群体台账：已为 ${candidates.size} 户制定一户一策（演示），其中 ${result.closedOut} 户已达到目标销号`);
  return { plans: candidates.size, closedOut: result.closedOut };
}
