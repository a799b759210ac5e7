import { formatYuan, type CaseMeasure } from '@zengshou/core';
import type { Language, MessageKey, MessageParams } from '../i18n';
import { caseLabel, categoryLabel, riskTypesLabel } from './caseLabels';
import type { CaseEventView } from './types';

export interface SummaryContext {
  t: (key: MessageKey, params?: MessageParams) => string;
  language: Language;
  /** To name the measure a `measure_updated` event refers to. */
  measures?: readonly Pick<CaseMeasure, 'measureId' | 'category'>[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * One event's fields as short readable phrases ("承诺书：已签署", "公示期：2026-03-01 至 2026-03-05"), for the
 * case history. Read defensively: `data` is whatever the server stored for the step; unknown fields are skipped.
 */
export function summariseEvent(event: Pick<CaseEventView, 'type' | 'data'>, ctx: SummaryContext): string[] {
  const { t, language } = ctx;
  const d = event.data ?? {};
  const parts: string[] = [];
  const add = (key: MessageKey, value: string) => {
    if (value) parts.push(t('cases.summary.pair', { field: t(key), value }));
  };
  const signed = (value: unknown) => t(value === true ? 'cases.summary.signed' : 'cases.summary.notSigned');
  const period = () => {
    const start = str(d.startDate);
    const end = str(d.endDate);
    if (start || end) add('cases.summary.period', t('cases.summary.range', { start, end }));
  };
  const note = (key: MessageKey = 'cases.summary.note') => add(key, str(d.note));
  const risks = (codes: unknown, subtype: unknown) => {
    add('cases.summary.riskTypes', riskTypesLabel(list(codes), language));
    add('cases.summary.disasterSubtype', caseLabel('disaster', str(subtype), language));
  };

  switch (event.type) {
    case 'lead_opened':
      add('cases.summary.source', caseLabel('source', str(d.source), language));
      if (d.disaster === true) parts.push(t('cases.summary.disasterLead'));
      note();
      break;
    case 'home_checked':
      add('cases.summary.commitment', signed(d.commitmentSigned));
      add('cases.summary.authorisation', signed(d.authorisationSigned));
      add('cases.summary.finding', d.finding === 'not_include' ? t('cases.summary.notInclude') : d.finding === 'include' ? t('cases.summary.include') : '');
      add('cases.summary.proposedCategory', categoryLabel(str(d.proposedCategory), language));
      risks(d.proposedRiskTypes, d.proposedDisasterSubtype);
      note();
      break;
    case 'notice_started':
    case 'elimination_notice_started':
      period();
      break;
    case 'notice_finished':
    case 'elimination_notice_finished': {
      const n = num(d.objections);
      if (n !== null) add('cases.summary.objections', n > 0 ? t('cases.summary.objectionCount', { count: n }) : t('cases.summary.noObjection'));
      break;
    }
    case 'township_reviewed':
    case 'elimination_township_reviewed':
      add('cases.summary.decision', d.decision === 'return' ? t('cases.decision.return') : d.decision === 'pass' ? t('cases.decision.pass') : '');
      note('cases.summary.opinion');
      break;
    case 'county_approved':
      add('cases.summary.decision', d.decision === 'reject' ? t('cases.decision.reject') : d.decision === 'approve' ? t('cases.decision.approve') : '');
      add('cases.summary.category', categoryLabel(str(d.category), language));
      risks(d.riskTypes, d.disasterSubtype);
      note('cases.summary.opinion');
      break;
    case 'measure_added': {
      add('cases.summary.measure', caseLabel('measure', str(d.category), language));
      add('cases.summary.owner', str(d.owner));
      add('cases.summary.plannedDate', str(d.plannedDate));
      const fen = num(d.amountFen);
      if (fen !== null && Number.isSafeInteger(fen)) add('cases.summary.amount', formatYuan(fen));
      break;
    }
    case 'measure_updated': {
      const measure = ctx.measures?.find((m) => m.measureId === d.measureId);
      if (measure) add('cases.summary.measure', caseLabel('measure', measure.category, language));
      add('cases.summary.measureStatus', caseLabel('measureStatus', str(d.status), language));
      add('cases.summary.actualDate', str(d.actualDate));
      break;
    }
    case 'elimination_proposed':
      add('cases.summary.way', caseLabel('way', str(d.way), language));
      break;
    case 'elimination_county_approved':
      add('cases.summary.decision', d.decision === 'reject' ? t('cases.decision.eliminationReject') : d.decision === 'approve' ? t('cases.decision.eliminationApprove') : '');
      note('cases.summary.opinion');
      break;
    case 'elimination_rolled_back':
      add('cases.summary.reason', str(d.reason));
      break;
  }
  return parts;
}
