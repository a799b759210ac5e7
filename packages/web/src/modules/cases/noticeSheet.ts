import type { CaseNoticeItem, CaseNoticeSheet } from './types';

/**
 * The village as people call it: statistical division names end in 村委会 / 居委会 (XX村委会 → XX村,
 * XX社区居委会 → XX社区).
 */
export function villageShortName(name: string | null | undefined): string {
  const trimmed = (name ?? '').trim();
  return trimmed.replace(/村民委员会$|村委会$/, '村').replace(/居民委员会$|居委会$/, '');
}

/** 公示 title as posted in the village, e.g. 某某村防止返贫监测对象识别公示. */
export function noticeTitle(sheet: Pick<CaseNoticeSheet, 'villageName' | 'kind'>): string {
  const village = villageShortName(sheet.villageName);
  return sheet.kind === 'elimination' ? `${village}防止返贫监测对象风险消除公示` : `${village}防止返贫监测对象识别公示`;
}

/** The issuing committee in the footer: 某某村村民委员会 (a 社区 issues as its 居民委员会). */
export function noticeIssuer(villageName: string | null | undefined): string {
  const village = villageShortName(villageName);
  if (!village) return '村民委员会';
  return village.endsWith('社区') ? `${village}居民委员会` : `${village}村民委员会`;
}

/** "2026年3月1日" — notices on the wall use written dates. */
export function writtenDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

export function noticePeriodText(startDate: string | null, endDate: string | null): string {
  if (!startDate || !endDate) return '—';
  return `${writtenDate(startDate)}至${writtenDate(endDate)}`;
}

// An 18- or 15-digit ID number (last may be X), an 11-digit mobile, a 16–19 digit bank card.
const SENSITIVE = /(?<!\d)(\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|\d{16,19})(?![\dXx])/g;

/**
 * A notice must never show ID numbers, phones, bank accounts or health conditions (domain.md §5). The server
 * sends only the listed fields; this is the second lock: numbers of those shapes are blotted out of free text.
 */
export function blotSensitive(value: string | null | undefined): string {
  return (value ?? '').replace(SENSITIVE, (match) => '*'.repeat(match.length));
}

export interface NoticeRow {
  key: string;
  index: number;
  headName: string;
  address: string;
  memberCount: string;
  /** 监测对象类别 (identification) or 消除方式 (elimination). */
  kindLabel: string;
  period: string;
}

/** Only the whitelisted columns reach the printed sheet, whatever else an item carries. */
export function noticeRows(sheet: Pick<CaseNoticeSheet, 'kind' | 'items'>): NoticeRow[] {
  return sheet.items.map((item: CaseNoticeItem, i) => ({
    key: `${item.caseNo}-${i}`,
    index: i + 1,
    headName: blotSensitive(item.headName) || '—',
    address: blotSensitive(item.address) || '—',
    memberCount: item.memberCount === null || item.memberCount === undefined ? '—' : String(item.memberCount),
    kindLabel: blotSensitive(sheet.kind === 'elimination' ? item.eliminationWayLabel : item.categoryLabel) || '—',
    period: noticePeriodText(item.startDate, item.endDate),
  }));
}

/** The footer's dates: the earliest start and latest end of the listed notices. */
export function noticeSpan(items: readonly Pick<CaseNoticeItem, 'startDate' | 'endDate'>[]): { startDate: string; endDate: string } | null {
  const starts = items.flatMap((i) => (i.startDate ? [i.startDate] : [])).sort();
  const ends = items.flatMap((i) => (i.endDate ? [i.endDate] : [])).sort();
  if (starts.length === 0 || ends.length === 0) return null;
  return { startDate: starts[0]!, endDate: ends[ends.length - 1]! };
}
