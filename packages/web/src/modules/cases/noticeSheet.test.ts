import { describe, expect, it } from 'vitest';
import { blotSensitive, noticeIssuer, noticeRows, noticeSpan, noticeTitle, villageShortName, writtenDate } from './noticeSheet';
import type { CaseNoticeItem } from './types';

const item = (over: Partial<CaseNoticeItem> = {}): CaseNoticeItem => ({
  caseNo: 'C2026-0001',
  headName: '和建华',
  address: '保和镇拉日村第三村民小组',
  memberCount: 4,
  categoryLabel: '边缘易致贫户',
  eliminationWayLabel: null,
  startDate: '2026-03-01',
  endDate: '2026-03-05',
  ...over,
});

describe('public notice sheet', () => {
  it('titles and signs the notice in the village name', () => {
    expect(noticeTitle({ villageName: '拉日村委会', kind: 'identification' })).toBe('拉日村防止返贫监测对象识别公示');
    expect(noticeTitle({ villageName: '拉日村', kind: 'elimination' })).toBe('拉日村防止返贫监测对象风险消除公示');
    expect(villageShortName('永春社区居委会')).toBe('永春社区');
    expect(noticeIssuer('拉日村委会')).toBe('拉日村村民委员会');
    expect(noticeIssuer('永春社区居委会')).toBe('永春社区居民委员会');
    expect(noticeIssuer(null)).toBe('村民委员会');
    expect(writtenDate('2026-03-01')).toBe('2026年3月1日');
  });

  it('shows only the listed columns, with the category or the elimination way', () => {
    const rows = noticeRows({ kind: 'identification', items: [item(), item({ memberCount: null, address: null })] });
    expect(rows[0]).toEqual({
      key: 'C2026-0001-0',
      index: 1,
      headName: '和建华',
      address: '保和镇拉日村第三村民小组',
      memberCount: '4',
      kindLabel: '边缘易致贫户',
      period: '2026年3月1日至2026年3月5日',
    });
    expect(rows[1]).toMatchObject({ index: 2, address: '—', memberCount: '—' });
    expect(noticeRows({ kind: 'elimination', items: [item({ eliminationWayLabel: '帮扶消除' })] })[0]?.kindLabel).toBe('帮扶消除');
    // Whatever else an item carries never reaches the rows.
    const leaky = { ...item(), idNumber: '533423198001011234', phone: '13812345678' } as CaseNoticeItem;
    expect(JSON.stringify(noticeRows({ kind: 'identification', items: [leaky] }))).not.toMatch(/5334231980|1381234/);
  });

  it('blots ID, phone and bank numbers out of free text', () => {
    expect(blotSensitive('拉日村 533423198001011234 组')).toBe('拉日村 ****************** 组');
    expect(blotSensitive('53342319800101123X')).toBe('******************');
    expect(blotSensitive('电话13812345678')).toBe('电话***********');
    expect(blotSensitive('6222021234567890123')).toBe('*******************');
    expect(blotSensitive('第3村民小组 12号')).toBe('第3村民小组 12号');
    expect(blotSensitive(null)).toBe('');
  });

  it('spans the footer from the earliest start to the latest end', () => {
    expect(noticeSpan([item(), item({ startDate: '2026-02-27', endDate: '2026-03-03' })])).toEqual({ startDate: '2026-02-27', endDate: '2026-03-05' });
    expect(noticeSpan([])).toBeNull();
    expect(noticeSpan([{ startDate: null, endDate: null }])).toBeNull();
    expect(noticeRows({ kind: 'identification', items: [item({ startDate: null })] })[0]?.period).toBe('—');
  });
});
