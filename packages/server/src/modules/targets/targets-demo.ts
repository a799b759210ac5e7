import { grownFen, type IncomeTargetValues, type PartsFen } from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import { demoPeriods } from '../demo/demo.service.ts';
import * as repo from './targets.repository.ts';

const WEIXI = '533423';
const SHANGRI_LA = '533401';
const WEIXI_SOURCE = '维办发〔2022〕30号《维西县脱贫人口持续增收三年行动方案（2022—2024年）》';
const SHANGRI_LA_SOURCE = '香办发〔2022〕52号《香格里拉市促进脱贫人口低收入人口持续增收三年行动方案（2022—2024年）》';
const WEIXI_GROWTH = 0.18;

const parts = (business: number, wage: number, property: number, transfer: number): PartsFen => ({ wage, business, property, transfer });
const none: PartsFen = { wage: null, business: null, property: null, transfer: null };

/**
 * Seed 004's table 全县脱贫人口人均纯收入增长目标表, in fen (parts in the table's order: business, wage, property,
 * transfer). Its 2024 per-capita cell is missing from the published text; the plan builds each year as the last
 * × 1.18 (13,847 → 16,339.46 → 19,280.56 → 22,751.06), and the 2024 parts add up to 22,751.07.
 */
const WEIXI_TABLE: Omit<IncomeTargetValues, 'regionCode' | 'source'>[] = [
  { year: 2021, base: true, perCapitaNetFen: 1_384_700, partsFen: parts(374_700, 791_300, 52_400, 166_300), growthRate: 0.0658, note: '2021 年基数（实际数）' },
  { year: 2022, base: false, perCapitaNetFen: 1_633_946, partsFen: parts(578_744, 816_973, 59_149, 179_080), growthRate: WEIXI_GROWTH, note: null },
  { year: 2023, base: false, perCapitaNetFen: 1_928_056, partsFen: parts(800_722, 867_625, 66_711, 192_998), growthRate: WEIXI_GROWTH, note: null },
  {
    year: 2024, base: false, perCapitaNetFen: 2_275_106, partsFen: parts(1_084_543, 910_043, 75_761, 204_760), growthRate: WEIXI_GROWTH,
    note: '方案公开文本缺 2024 年人均纯收入一格，按 18% 增速由 2023 年推算为 22,751.06 元（四项分项之和 22,751.07 元）',
  },
];

/**
 * Seed 000 states a 2024 per-capita target (25,185 yuan), at least 10 % a year, and the wage part: 8,812 yuan in 2021
 * (47 % of the total) to 13,927.62 in 2024 (55.3 %). It gives no 2021 total: the base below derives it from the wage
 * and its share, and says so; the other parts are left empty because the plan does not state them.
 */
const SHANGRI_LA_ROWS: Omit<IncomeTargetValues, 'regionCode' | 'source'>[] = [
  {
    year: 2021, base: true, perCapitaNetFen: Math.round(881_200 / 0.47), partsFen: { ...none, wage: 881_200 }, growthRate: null,
    note: '方案只给出 2021 年工资性收入 8,812 元、占比 47%；人均纯收入按此折算，并非方案原数',
  },
  { year: 2024, base: false, perCapitaNetFen: 2_518_500, partsFen: { ...none, wage: 1_392_762 }, growthRate: 0.1, note: '2022—2024 年年均增速 10% 以上；工资性收入占比 55.3% 左右' },
];

/**
 * Seeds the demo's income targets: seed 004's Weixi table (2021 base, 2022–2024) and seed 000's Shangri-La figures,
 * and, because the demo's income data runs to the current year, Weixi targets from 2025 on that continue seed 004's
 * rule (18 % a year) — marked as extrapolated in their note, with no parts, since the plan states no shares past
 * 2024. Only adds what is missing, so it is safe on every start.
 */
export async function seedDemoTargets(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const { db, clock } = deps;
  const regions = await repo.existingRegions(db.orm, [WEIXI, SHANGRI_LA]);
  const rows: IncomeTargetValues[] = [];
  if (regions.has(WEIXI)) {
    for (const r of WEIXI_TABLE) rows.push({ ...r, regionCode: WEIXI, source: WEIXI_SOURCE });
    const { currentYear } = demoPeriods(clock.now());
    let fen = WEIXI_TABLE[WEIXI_TABLE.length - 1]!.perCapitaNetFen;
    for (let year = 2025; year <= currentYear; year++) {
      fen = grownFen(fen, WEIXI_GROWTH);
      rows.push({
        regionCode: WEIXI, year, base: false, perCapitaNetFen: fen, partsFen: none, growthRate: WEIXI_GROWTH, source: '演示数据推算',
        note: `演示用推算值，非方案原数：按维西县方案 2022—2024 年 18% 的年均增速由上年目标顺延；方案未给出 ${year} 年分项占比`,
      });
    }
  }
  if (regions.has(SHANGRI_LA)) for (const r of SHANGRI_LA_ROWS) rows.push({ ...r, regionCode: SHANGRI_LA, source: SHANGRI_LA_SOURCE });

  const at = clock.now();
  const added = await db.transaction(async (tx) => {
    // Idempotent: a region and year already set (by an earlier start or by a user) is left as it is.
    const existing = new Set((await repo.currentTargetsFor(tx.orm, rows)).map((t) => `${t.region_code}:${t.year}`));
    const missing = rows.filter((row) => !existing.has(`${row.regionCode}:${row.year}`));
    for (const row of missing) await repo.saveTargetVersion(tx, row, 1, { userId: null, name: '演示数据', at });
    return missing.length;
  });
  if (added > 0) log(`已载入增收目标 ${added} 条（维西县 2021 年基数及 2022 年起目标、香格里拉市 2024 年目标）`);
}
