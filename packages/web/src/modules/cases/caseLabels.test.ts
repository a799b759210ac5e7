import { describe, expect, it } from 'vitest';
import {
  CASE_EVENT_TYPES,
  CASE_STATES,
  DISASTER_SUBTYPES,
  ELIMINATION_WAYS,
  LEAD_SOURCES,
  MEASURE_CATEGORIES,
  MEASURE_STATUSES,
  RISK_TYPES,
} from '@zengshou/core';
import { CASE_LABELS, caseLabel, caseLabelOptions, categoryLabel, parenthetical, riskTypesLabel } from './caseLabels';

describe('case labels', () => {
  it('renders every core code in both languages', () => {
    const groups = [
      ['status', CASE_STATES],
      ['event', CASE_EVENT_TYPES],
      ['source', LEAD_SOURCES],
      ['risk', RISK_TYPES],
      ['disaster', DISASTER_SUBTYPES],
      ['measure', MEASURE_CATEGORIES],
      ['measureStatus', MEASURE_STATUSES],
      ['way', ELIMINATION_WAYS],
    ] as const;
    for (const [group, codes] of groups) {
      expect(Object.keys(CASE_LABELS[group].en).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        expect(caseLabel(group, code, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
        expect(caseLabel(group, code, 'en')).toMatch(/^[A-Z]/);
      }
    }
  });

  it('uses the core words in Chinese and shows unknown codes as they are', () => {
    expect(caseLabel('status', 'township_review', 'zh-CN')).toBe('乡镇审核');
    expect(caseLabel('risk', 'natural_disaster', 'zh-CN')).toBe('因自然灾害');
    expect(caseLabel('status', 'future_state', 'zh-CN')).toBe('future_state');
    expect(caseLabel('status', null, 'zh-CN')).toBe('');
    expect(riskTypesLabel(['illness', 'accident'], 'zh-CN')).toBe('因病、因意外事故');
    expect(riskTypesLabel(['illness', 'accident'], 'en')).toBe('Illness, Accident');
    expect(categoryLabel('marginal', 'zh-CN')).toBe('边缘易致贫户');
    expect(categoryLabel(null, 'zh-CN')).toBe('');
    expect(parenthetical('洪涝灾害', 'zh-CN')).toBe('（洪涝灾害）');
    expect(parenthetical('Flood', 'en')).toBe(' (Flood)');
    expect(parenthetical('', 'en')).toBe('');
    expect(caseLabelOptions('way', ELIMINATION_WAYS, 'zh-CN')).toEqual([
      { value: 'through_help', label: '帮扶消除' },
      { value: 'natural', label: '自然消除' },
    ]);
  });
});
