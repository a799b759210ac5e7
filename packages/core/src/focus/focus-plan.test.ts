import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FocusIncome } from './focus-groups.ts';
import {
  PLAN_STATUSES,
  checkPlanTarget,
  focusPlanInputSchema,
  isPlanOverdue,
  nextPlanStatus,
  targetYearProblem,
  type PlanStatus,
  type PlanTargets,
} from './focus-plan.ts';

const valid = {
  version: 0,
  cadreName: ' 和建华 ',
  cadrePhone: '138 8765 4321',
  targetYear: 2026,
  targetPerCapitaFen: 1_200_000,
  partTargetsFen: { wage: 700_000, business: 300_000, property: 50_000, transfer: 150_000 },
  measures: [{ text: '安排护林员公益性岗位', category: 'public_welfare_job' }, { text: '发展中药材种植' }],
  progressNote: '已入户宣讲政策',
};

const messages = (input: unknown) => focusPlanInputSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('focusPlanInputSchema', () => {
  it('accepts a full plan, trims text, normalises the phone and fills defaults', () => {
    const plan = focusPlanInputSchema.parse(valid);
    expect(plan.cadreName).toBe('和建华');
    expect(plan.cadrePhone).toBe('13887654321');
    expect(plan.measures).toEqual([
      { text: '安排护林员公益性岗位', category: 'public_welfare_job' },
      { text: '发展中药材种植', category: null },
    ]);
    const minimal = focusPlanInputSchema.parse({ version: 3, cadreName: '李四', targetYear: 2027, targetPerCapitaFen: 1_000_000, measures: [{ text: '务工就业' }] });
    expect(minimal.partTargetsFen).toEqual({ wage: null, business: null, property: null, transfer: null });
    expect(minimal.cadrePhone).toBeUndefined(); // left out = keep the stored number
    expect(minimal.progressNote).toBeNull();
    expect(focusPlanInputSchema.parse({ ...valid, cadrePhone: '' }).cadrePhone).toBeNull();
  });

  it('refuses with Chinese messages', () => {
    expect(messages({ ...valid, cadreName: '  ' })).toContain('请填写包保干部姓名');
    expect(messages({ ...valid, targetPerCapitaFen: 0 })).toContain('人均纯收入目标必须大于 0');
    expect(messages({ ...valid, targetPerCapitaFen: 10.5 })).toContain('请填写人均纯收入目标（以分为单位的整数）');
    expect(messages({ ...valid, measures: [] })).toContain('请至少填写一条帮扶措施');
    expect(messages({ ...valid, measures: [{ text: ' ' }] })).toContain('请填写帮扶措施内容');
    expect(messages({ ...valid, measures: [{ text: '培训', category: 'tourism' }] })).toContain('措施类别不正确');
    expect(messages({ ...valid, cadrePhone: '12345' })).toContain('联系电话应为 11 位手机号或带区号的固定电话');
    expect(messages({ ...valid, targetYear: 2019 })).toContain('目标年度应在 2020 至 2100 年之间');
    expect(messages({ ...valid, partTargetsFen: { ...valid.partTargetsFen, wage: -1 } })).toContain('工资性收入目标不能为负数');
    expect(messages({ ...valid, progressNote: 'x'.repeat(501) })).toContain('进展情况不能超过 500 个字符');
  });

  it('wants the four part targets, when all are set, to reach the per-capita target', () => {
    expect(messages({ ...valid, partTargetsFen: { wage: 700_000, business: 300_000, property: 50_000, transfer: 100_000 } })).toEqual([
      '四项分项目标合计 11,500.00 元，低于人均纯收入目标 12,000.00 元',
    ]);
    // Only some parts set: they are minimums, not a breakdown.
    expect(focusPlanInputSchema.safeParse({ ...valid, partTargetsFen: { wage: 100 } }).success).toBe(true);
  });

  it('is strict: fields the server sets are refused', () => {
    for (const extra of ['status', 'householdId', 'ledgerGroups', 'id']) {
      expect(focusPlanInputSchema.safeParse({ ...valid, [extra]: 'x' }).success, extra).toBe(false);
    }
    expect(focusPlanInputSchema.safeParse({ ...valid, partTargetsFen: { ...valid.partTargetsFen, cost: 1 } }).success).toBe(false);
    expect(focusPlanInputSchema.safeParse({ ...valid, measures: [{ text: 'x', done: true }] }).success).toBe(false);
  });
});

describe('targetYearProblem', () => {
  it('refuses a new target year in the past but lets an old plan keep its year', () => {
    expect(targetYearProblem(2025, 2026, null)).toBe('目标年度不能早于 2026 年');
    expect(targetYearProblem(2026, 2026, null)).toBeNull();
    expect(targetYearProblem(2025, 2026, 2025)).toBeNull();
    expect(targetYearProblem(2024, 2026, 2025)).toBe('目标年度不能早于 2026 年');
  });
});

const latest = (pc: number, parts: Partial<FocusIncome['partsPerCapitaAnnualFen']> = {}): FocusIncome => ({
  year: 2025,
  quarter: 4,
  perCapitaAnnualFen: pc,
  partsPerCapitaAnnualFen: { wage: 0, business: 0, property: 0, transfer: 0, ...parts },
});
const plan = (target: number, parts: Partial<PlanTargets['partTargetsFen']> = {}): PlanTargets => ({
  targetPerCapitaFen: target,
  partTargetsFen: { wage: null, business: null, property: null, transfer: null, ...parts },
});

describe('checkPlanTarget', () => {
  it('is met when the per-capita income reaches the target and no part target is set', () => {
    expect(checkPlanTarget(plan(1_000_000), latest(1_000_000))).toEqual({ met: true, gapFen: 0, unmetParts: [] });
    expect(checkPlanTarget(plan(1_000_000), latest(999_999))).toEqual({ met: false, gapFen: 1, unmetParts: [] });
  });

  it('needs every part that has a target: a transfer cannot stand in for a missing wage income', () => {
    const check = checkPlanTarget(plan(1_000_000, { wage: 600_000 }), latest(1_100_000, { wage: 500_000, transfer: 600_000 }));
    expect(check).toEqual({ met: false, gapFen: -100_000, unmetParts: ['wage'] });
    expect(checkPlanTarget(plan(1_000_000, { wage: 600_000 }), latest(1_100_000, { wage: 600_000 })).met).toBe(true);
  });

  it('says nothing without income', () => {
    expect(checkPlanTarget(plan(1_000_000), null)).toEqual({ met: null, gapFen: null, unmetParts: [] });
  });
});

describe('nextPlanStatus', () => {
  it('closes out a met plan, reopens a closed one that slipped, and leaves the rest', () => {
    expect(nextPlanStatus('open', true)).toBe('closed_out');
    expect(nextPlanStatus('reopened', true)).toBe('closed_out');
    expect(nextPlanStatus('closed_out', false)).toBe('reopened');
    expect(nextPlanStatus('open', false)).toBe('open');
    expect(nextPlanStatus('reopened', false)).toBe('reopened');
    expect(nextPlanStatus('closed_out', null)).toBe('closed_out');
  });

  const status = fc.constantFrom<PlanStatus>(...PLAN_STATUSES);
  const met = fc.constantFrom(true, false, null);

  it('property: idempotent — a second refresh with the same income changes nothing', () => {
    fc.assert(
      fc.property(status, met, (s, m) => {
        expect(nextPlanStatus(nextPlanStatus(s, m), m)).toBe(nextPlanStatus(s, m));
      }),
    );
  });

  it('property: closed out exactly when met; reopened only from closed out or reopened; never back to open', () => {
    fc.assert(
      fc.property(status, met, (s, m) => {
        const next = nextPlanStatus(s, m);
        if (m !== null) expect(next === 'closed_out').toBe(m);
        if (next === 'reopened') expect(['closed_out', 'reopened']).toContain(s);
        if (next === 'open') expect(s).toBe('open');
      }),
    );
  });

  it('property: over any income history the status is closed out iff the latest known check was met', () => {
    fc.assert(
      fc.property(fc.array(met, { maxLength: 20 }), (history) => {
        const final = history.reduce<PlanStatus>((s, m) => nextPlanStatus(s, m), 'open');
        const lastKnown = history.filter((m) => m !== null).at(-1);
        if (lastKnown === undefined) expect(final).toBe('open');
        else expect(final === 'closed_out').toBe(lastKnown);
      }),
    );
  });

  it('property: the refresh agrees with checkPlanTarget on every income', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.option(fc.integer({ min: 0, max: 2_000_000 })), (pc, target, wage, wageTarget) => {
        const check = checkPlanTarget(plan(target, { wage: wageTarget }), latest(pc, { wage }));
        expect(check.met).toBe(pc >= target && (wageTarget === null || wage >= wageTarget));
        expect(check.gapFen).toBe(target - pc);
      }),
    );
  });
});

describe('isPlanOverdue', () => {
  it('flags plans past their target year that are not closed out', () => {
    expect(isPlanOverdue('open', 2025, 2026)).toBe(true);
    expect(isPlanOverdue('reopened', 2025, 2026)).toBe(true);
    expect(isPlanOverdue('closed_out', 2025, 2026)).toBe(false);
    expect(isPlanOverdue('open', 2026, 2026)).toBe(false);
  });
});
