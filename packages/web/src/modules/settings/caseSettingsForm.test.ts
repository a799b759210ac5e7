import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_CONFIG } from '@zengshou/core';
import { CASE_FIELDS, effectiveConfig, emptyRow, regionsToValues, rowRegions, valuesToRegions } from './caseSettingsForm';

const COUNTY = '533423';
const TOWNSHIP = '533423101';
const VILLAGE = '533423101001';

describe('case workflow settings form', () => {
  it('shows stored overrides as rows, regions above before the ones below, blank where inherited', () => {
    const values = regionsToValues({ [VILLAGE]: { noticeDays: 7 }, [COUNTY]: { identificationDays: 20, measuresDays: 12 } });
    expect(values.rows.map((r) => r.region)).toEqual([COUNTY, VILLAGE]);
    expect(values.rows[0]).toMatchObject({ identificationDays: 20, measuresDays: 12, noticeDays: null, minMeasures: null });
    expect(values.rows[1]).toMatchObject({ noticeDays: 7, identificationDays: null });
    expect(regionsToValues({}).rows).toEqual([]);
  });

  it('round-trips only the fields filled in, so a blank keeps inheriting', () => {
    const stored = { [COUNTY]: { identificationDays: 20 }, [VILLAGE]: { noticeDays: 7, minMeasures: 0 } };
    expect(valuesToRegions(regionsToValues(stored))).toEqual({ ok: true, regions: stored });
    expect(valuesToRegions({ rows: [] })).toEqual({ ok: true, regions: {} });
  });

  it('refuses with the core schema’s Chinese messages under the cell, and a missing, repeated or empty region', () => {
    const short = { ...emptyRow(), region: COUNTY, noticeDays: 3 };
    expect(valuesToRegions({ rows: [short] })).toEqual({ ok: false, issues: [{ path: ['rows', 0, 'noticeDays'], message: '公示天数不能小于 5' }] });
    const fraction = { ...emptyRow(), region: COUNTY, identificationDays: 1.5 };
    expect(valuesToRegions({ rows: [fraction] })).toEqual({ ok: false, issues: [{ path: ['rows', 0, 'identificationDays'], message: '识别时限天数必须是整数' }] });
    const result = valuesToRegions(
      {
        rows: [
          { ...emptyRow(), region: COUNTY, noticeDays: 6 },
          { ...emptyRow(), region: COUNTY, measuresDays: 8 },
          { ...emptyRow(), measuresDays: 8 },
          { ...emptyRow(), region: VILLAGE },
        ],
      },
      { region: '选地区', duplicate: '重复', emptyRow: '空行' },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: ['rows', 1, 'region'], message: '重复' },
        { path: ['rows', 2, 'region'], message: '选地区' },
        { path: ['rows', 3, 'region'], message: '空行' },
      ],
    });
  });

  it('computes what applies as the server does: defaults, regions above (nearest last), then the row', () => {
    const rows = [
      { ...emptyRow(), region: VILLAGE, noticeDays: 7 },
      { ...emptyRow(), region: COUNTY, noticeDays: 6, identificationDays: 20 },
      { ...emptyRow(), region: TOWNSHIP, identificationDays: 18 },
      { ...emptyRow(), region: '533401', measuresDays: 5 }, // another county: not above the village
    ];
    const village = effectiveConfig(DEFAULT_CASE_CONFIG, rows, 0);
    expect(village.values).toEqual({ ...DEFAULT_CASE_CONFIG, noticeDays: 7, identificationDays: 18 });
    expect(village.inherited).toEqual({ ...DEFAULT_CASE_CONFIG, noticeDays: 6, identificationDays: 18 });
    expect(village.sources.noticeDays).toEqual({ kind: 'own' });
    expect(village.sources.identificationDays).toEqual({ kind: 'inherited', region: TOWNSHIP });
    expect(village.sources.measuresDays).toEqual({ kind: 'default' });
    const county = effectiveConfig(DEFAULT_CASE_CONFIG, rows, 1);
    expect(county.inherited).toEqual(DEFAULT_CASE_CONFIG);
    // A row without a region yet inherits only the defaults.
    const blank = effectiveConfig(DEFAULT_CASE_CONFIG, [...rows, emptyRow()], 4);
    expect(blank.values).toEqual(DEFAULT_CASE_CONFIG);
    expect(CASE_FIELDS.every((f) => blank.sources[f].kind === 'default')).toBe(true);
  });

  it('lists the chosen region codes only', () => {
    expect(rowRegions([{ ...emptyRow(), region: COUNTY }, emptyRow(), undefined])).toEqual([COUNTY]);
    expect(rowRegions(undefined)).toEqual([]);
  });
});
