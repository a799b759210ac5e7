import { describe, expect, it } from 'vitest';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n';
import { summariseEvent } from './eventSummary';

const ctx = (language: Language) => ({
  language,
  t: (key: MessageKey, params?: MessageParams) => translate(key, params, language),
  measures: [{ measureId: 'm-1', category: 'health' as const }],
});
const zh = ctx('zh-CN');

describe('case event summaries', () => {
  it('says what a home check recorded', () => {
    const parts = summariseEvent(
      {
        type: 'home_checked',
        data: { commitmentSigned: true, authorisationSigned: false, finding: 'include', note: '因病', proposedCategory: 'marginal', proposedRiskTypes: ['illness', 'natural_disaster'], proposedDisasterSubtype: 'flood' },
      },
      zh,
    );
    expect(parts).toEqual(['承诺书：已签署', '授权书：未签署', '核实结论：拟纳入', '拟纳入类别：边缘易致贫户', '风险类型：因病、因自然灾害', '灾害类型：洪涝灾害', '说明：因病']);
  });

  it('summarises notices, reviews, approvals and measures', () => {
    expect(summariseEvent({ type: 'notice_started', data: { startDate: '2026-03-01', endDate: '2026-03-05' } }, zh)).toEqual(['公示期：2026-03-01 至 2026-03-05']);
    expect(summariseEvent({ type: 'notice_finished', data: { objections: 0 } }, zh)).toEqual(['异议：无异议']);
    expect(summariseEvent({ type: 'elimination_notice_finished', data: { objections: 2 } }, zh)).toEqual(['异议：2 件']);
    expect(summariseEvent({ type: 'township_reviewed', data: { decision: 'return', note: '材料不全' } }, zh)).toEqual(['结论：退回', '意见：材料不全']);
    expect(summariseEvent({ type: 'county_approved', data: { decision: 'approve', category: 'unstable', riskTypes: ['illness'] } }, zh)).toEqual([
      '结论：同意纳入监测',
      '类别：脱贫不稳定户',
      '风险类型：因病',
    ]);
    expect(summariseEvent({ type: 'measure_added', data: { category: 'health', owner: '李四', plannedDate: '2026-04-01', amountFen: 120050 } }, zh)).toEqual([
      '措施：健康帮扶',
      '责任人：李四',
      '计划完成：2026-04-01',
      '金额：1,200.50 元',
    ]);
    expect(summariseEvent({ type: 'measure_updated', data: { measureId: 'm-1', status: 'done', actualDate: '2026-04-02' } }, zh)).toEqual([
      '措施：健康帮扶',
      '进度：已完成',
      '实际完成：2026-04-02',
    ]);
    expect(summariseEvent({ type: 'elimination_proposed', data: { way: 'through_help' } }, zh)).toEqual(['消除方式：帮扶消除']);
    expect(summariseEvent({ type: 'lead_opened', data: { source: 'cadre', disaster: true } }, zh)).toEqual(['来源：干部排查', '自然灾害，先帮扶后认定']);
  });

  it('skips what it does not understand, and speaks English when asked', () => {
    expect(summariseEvent({ type: 'notice_finished', data: { objections: 'many' } }, zh)).toEqual([]);
    expect(summariseEvent({ type: 'elimination_rolled_back', data: {} }, zh)).toEqual([]);
    expect(summariseEvent({ type: 'elimination_proposed', data: { way: 'natural' } }, ctx('en'))).toEqual(['Way: Natural']);
  });
});
