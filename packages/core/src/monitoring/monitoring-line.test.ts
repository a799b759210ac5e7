import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  effectiveLine,
  lineChangeProblem,
  lineProposalSchema,
  monitoringLineInputSchema,
  proposeLineByDibaoMultiple,
  proposeLineByFactors,
  type MonitoringLine,
} from './monitoring-line.ts';

// Yunnan 8,700 in 2024 and 2025 (domain.md §2); Diqing (5334) and Weixi (533423) as the seeds' places.
const LINES: MonitoringLine[] = [
  { regionCode: '53', year: 2024, amountFen: 870_000 },
  { regionCode: '53', year: 2025, amountFen: 870_000 },
  { regionCode: '533423', year: 2024, amountFen: 900_000 },
  { regionCode: '52', year: 2021, amountFen: 632_000 },
];

describe('effectiveLine', () => {
  it('inherits the province line down to a village', () => {
    expect(effectiveLine(LINES, '533401101201', 2025)).toEqual({ regionCode: '53', year: 2025, amountFen: 870_000 });
  });

  it('prefers the most specific region that has a line for the year', () => {
    expect(effectiveLine(LINES, '533423101201', 2024)?.amountFen).toBe(900_000);
    expect(effectiveLine(LINES, '533423', 2024)?.regionCode).toBe('533423');
    // Weixi set nothing for 2025, so the province line applies.
    expect(effectiveLine(LINES, '533423101201', 2025)?.regionCode).toBe('53');
  });

  it('is null without a line for that year or that province', () => {
    expect(effectiveLine(LINES, '533423', 2023)).toBeNull();
    expect(effectiveLine(LINES, '360782', 2024)).toBeNull();
    expect(effectiveLine([], '53', 2024)).toBeNull();
    expect(effectiveLine(LINES, 'abc', 2024)).toBeNull();
  });

  it('reads padded codes as their natural prefix', () => {
    expect(effectiveLine([{ regionCode: '530000000000', year: 2024, amountFen: 870_000 }], '533423000000', 2024)?.amountFen).toBe(870_000);
  });

  it('does not treat a sibling whose code merely shares digits as an ancestor', () => {
    // '5334' is a city; '533' is not a region prefix and must never match.
    expect(effectiveLine([{ regionCode: '533', year: 2024, amountFen: 1 }], '533423', 2024)).toBeNull();
  });

  it('lets the later of two duplicate lines win', () => {
    const dup = [...LINES, { regionCode: '53', year: 2025, amountFen: 880_000 }];
    expect(effectiveLine(dup, '5334', 2025)?.amountFen).toBe(880_000);
  });

  it('never returns a line that is not an ancestor of the region (property)', () => {
    const code = fc.constantFrom('53', '5334', '533423', '533423101', '533423101201', '52', '5201', '533401');
    fc.assert(
      fc.property(fc.array(fc.record({ regionCode: code, year: fc.integer({ min: 2023, max: 2025 }), amountFen: fc.integer({ min: 1, max: 2_000_000 }) })), code, fc.integer({ min: 2023, max: 2025 }), (lines, region, year) => {
        const got = effectiveLine(lines, region, year);
        const candidates = lines.filter((l) => l.year === year && region.startsWith(l.regionCode));
        if (candidates.length === 0) return got === null;
        const longest = Math.max(...candidates.map((l) => l.regionCode.length));
        return got !== null && got.year === year && region.startsWith(got.regionCode) && got.regionCode.length === longest;
      }),
    );
  });
});

describe('lineChangeProblem', () => {
  it('accepts a county raising the province line', () => {
    expect(lineChangeProblem({ regionCode: '533401', year: 2024, amountFen: 900_000 }, LINES)).toBeNull();
  });

  it('refuses a county going below the province line, naming both amounts', () => {
    expect(lineChangeProblem({ regionCode: '533423', year: 2024, amountFen: 600_000 }, LINES)).toBe(
      '监测线 6,000.00 元低于上级地区（53）2024 年的 8,700.00 元，下级只能在上级基础上提高',
    );
  });

  it('compares with the nearest ancestor, not the province, when the county set its own line', () => {
    const msg = lineChangeProblem({ regionCode: '533423101', year: 2024, amountFen: 880_000 }, LINES);
    expect(msg).toContain('上级地区（533423）');
    expect(msg).toContain('9,000.00 元');
  });

  it('refuses a line lower than the year before, but allows keeping it', () => {
    expect(lineChangeProblem({ regionCode: '53', year: 2026, amountFen: 860_000 }, LINES)).toBe(
      '监测线应逐年提高：8,600.00 元低于本地区 2025 年执行的 8,700.00 元',
    );
    expect(lineChangeProblem({ regionCode: '53', year: 2026, amountFen: 870_000 }, LINES)).toBeNull();
    expect(lineChangeProblem({ regionCode: '52', year: 2022, amountFen: 650_000 }, LINES)).toBeNull();
  });

  it('compares year on year with an inherited line and says where it came from', () => {
    // Weixi had its own 9,000 in 2024; a village of Diqing city inherited 8,700 in 2025.
    expect(lineChangeProblem({ regionCode: '533423', year: 2025, amountFen: 880_000 }, LINES)).toContain('2024 年执行的 9,000.00 元');
    const msg = lineChangeProblem({ regionCode: '533401', year: 2026, amountFen: 860_000 }, LINES);
    expect(msg).toContain('沿用上级地区 53 的标准');
  });

  it('checks the amount first', () => {
    for (const amountFen of [0, -100, 1.5, Number.NaN, 10_000_001]) {
      expect(lineChangeProblem({ regionCode: '53', year: 2024, amountFen }, [])).toMatch(/^监测线必须大于 0 元且不超过 100,000.00 元/);
    }
    expect(lineChangeProblem({ regionCode: '53', year: 2024, amountFen: 10_000_000 }, [])).toBeNull();
  });

  it('refuses a malformed region code', () => {
    expect(lineChangeProblem({ regionCode: '533', year: 2024, amountFen: 870_000 }, [])).toMatch(/区划代码不正确/);
  });

  it('never accepts an amount below the parent line or last year\'s line (property)', () => {
    // A Weixi village in 2025: the parent line is Yunnan's 8,700; last year Weixi's own 9,000 applied.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (amountFen) => {
        const problem = lineChangeProblem({ regionCode: '533423101201', year: 2025, amountFen }, LINES);
        if (amountFen < 870_000) return problem !== null && problem.includes('上级地区（53）');
        if (amountFen < 900_000) return problem !== null && problem.startsWith('监测线应逐年提高');
        return problem === null;
      }),
    );
  });
});

describe('proposeLineByFactors', () => {
  it("reproduces Guizhou's 2021 line: 6,000 with CPI 2.6 %, income 8.2 %, dibao 5 % → 6,320 (seed 003)", () => {
    const p = proposeLineByFactors({ previousLineFen: 600_000, cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2, dibaoGrowthPct: 5 });
    expect(p.amountFen).toBe(632_000);
    expect(p.growthPct).toBe(5.27);
    expect(p.explanation).toContain('6,000.00 元');
    expect(p.explanation).toContain('2.6%');
    expect(p.explanation).toContain('8.2%');
    expect(p.explanation).toContain('5%');
    expect(p.explanation).toContain('6,320.00 元');
  });

  it('does not round up an exact multiple of 10 yuan', () => {
    // 10,000 × 1.03 = 10,300 exactly; floating point would give 10,300.000000000002.
    expect(proposeLineByFactors({ previousLineFen: 1_000_000, cpiGrowthPct: 3, ruralIncomeGrowthPct: 3, dibaoGrowthPct: 3 }).amountFen).toBe(1_030_000);
    expect(proposeLineByFactors({ previousLineFen: 870_000, cpiGrowthPct: 0, ruralIncomeGrowthPct: 0, dibaoGrowthPct: 0 }).amountFen).toBe(870_000);
  });

  it('is always a whole 10 yuan, never below the formula and less than 10 yuan above it (property)', () => {
    const pct = fc.integer({ min: -2000, max: 20000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 5_000_000 }), pct, pct, pct, (previousLineFen, a, b, c) => {
        const { amountFen } = proposeLineByFactors({ previousLineFen, cpiGrowthPct: a, ruralIncomeGrowthPct: b, dibaoGrowthPct: c });
        const exact = previousLineFen * (1 + (a + b + c) / 300);
        return amountFen % 1000 === 0 && amountFen >= exact - 1e-6 && amountFen < exact + 1000;
      }),
    );
  });

  it('refuses a non-positive previous line or non-finite rates', () => {
    expect(() => proposeLineByFactors({ previousLineFen: 0, cpiGrowthPct: 1, ruralIncomeGrowthPct: 1, dibaoGrowthPct: 1 })).toThrow(RangeError);
    expect(() => proposeLineByFactors({ previousLineFen: 600_000, cpiGrowthPct: Number.NaN, ruralIncomeGrowthPct: 1, dibaoGrowthPct: 1 })).toThrow(RangeError);
    expect(() => proposeLineByFactors({ previousLineFen: 600_000, cpiGrowthPct: -100, ruralIncomeGrowthPct: -100, dibaoGrowthPct: -100 })).toThrow(RangeError);
  });
});

describe('proposeLineByDibaoMultiple', () => {
  it('reproduces Fujian 德化 2024: 2 × 9,780 = 19,560', () => {
    const p = proposeLineByDibaoMultiple({ dibaoStandardFenPerYear: 978_000, multiple: 2 });
    expect(p.amountFen).toBe(1_956_000);
    expect(p.explanation).toBe('农村低保标准 9,780.00 元/年 × 2 倍 = 19,560.00 元');
  });

  it('rounds up to a whole 10 yuan and says so', () => {
    const p = proposeLineByDibaoMultiple({ dibaoStandardFenPerYear: 578_400, multiple: 1.5 }); // 8,676 → 8,680
    expect(p.amountFen).toBe(868_000);
    expect(p.explanation).toContain('向上取整到 10 元为 8,680.00 元');
  });

  it('refuses a non-positive multiple', () => {
    expect(() => proposeLineByDibaoMultiple({ dibaoStandardFenPerYear: 578_400, multiple: 0 })).toThrow(RangeError);
  });
});

describe('monitoringLineInputSchema', () => {
  it('converts yuan to fen and defaults the method to manual', () => {
    expect(monitoringLineInputSchema.parse({ regionCode: '53', year: 2024, amountYuan: '8,700' })).toEqual({
      regionCode: '53',
      year: 2024,
      method: 'manual',
      amountFen: 870_000,
    });
    const r = monitoringLineInputSchema.parse({
      regionCode: '533423',
      year: 2025,
      amountYuan: 9000.5,
      method: 'factors',
      inputs: { previousLineYuan: 8700, cpiGrowthPct: 0.2 },
      note: ' 县级提高 ',
    });
    expect(r.amountFen).toBe(900_050);
    expect(r.note).toBe('县级提高');
  });

  it('refuses bad amounts, years, regions and unknown keys', () => {
    const base = { regionCode: '53', year: 2024, amountYuan: 8700 };
    for (const bad of [
      { ...base, amountYuan: 0 },
      { ...base, amountYuan: '-1' },
      { ...base, amountYuan: '8700.123' },
      { ...base, amountYuan: 100_000.01 },
      { ...base, year: 2019 },
      { ...base, year: 2024.5 },
      { ...base, regionCode: '530000' },
      { ...base, method: 'guess' },
      { ...base, amountFen: 870_000 },
    ]) {
      expect(monitoringLineInputSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('reports money errors in Chinese', () => {
    const r = monitoringLineInputSchema.safeParse({ regionCode: '53', year: 2024, amountYuan: 'abc' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^监测线：金额格式不正确/);
  });
});

describe('lineProposalSchema', () => {
  it('parses a factors request into the arguments of proposeLineByFactors', () => {
    const p = lineProposalSchema.parse({ method: 'factors', previousLineYuan: '6000', cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2, dibaoGrowthPct: 5 });
    expect(p).toEqual({ method: 'factors', previousLineFen: 600_000, cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2, dibaoGrowthPct: 5 });
    if (p.method !== 'factors') throw new Error('unreachable');
    expect(proposeLineByFactors(p).amountFen).toBe(632_000);
  });

  it('parses a dibao-multiple request', () => {
    const p = lineProposalSchema.parse({ method: 'dibao_multiple', dibaoStandardYuan: 9780, multiple: 2 });
    expect(p).toEqual({ method: 'dibao_multiple', dibaoStandardFenPerYear: 978_000, multiple: 2 });
    if (p.method !== 'dibao_multiple') throw new Error('unreachable');
    expect(proposeLineByDibaoMultiple(p).amountFen).toBe(1_956_000);
  });

  it('refuses manual, missing or extra fields and absurd values', () => {
    for (const bad of [
      { method: 'manual' },
      { method: 'factors', previousLineYuan: 6000, cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2 },
      { method: 'factors', previousLineYuan: 6000, cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2, dibaoGrowthPct: 500 },
      { method: 'dibao_multiple', dibaoStandardYuan: 9780, multiple: 0 },
      { method: 'dibao_multiple', dibaoStandardYuan: 9780, multiple: 2, extra: 1 },
    ]) {
      expect(lineProposalSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
