import { useI18n } from '../../i18n';
import { noticeIssuer, noticeRows, noticeSpan, noticeTitle, writtenDate } from '../noticeSheet';
import type { CaseNoticeSheet } from '../types';

/**
 * The 公示名单 as posted on the village board: title, preamble, the list and the objection line, signed by the
 * village committee. Only whitelisted columns are rendered (no ID, phone, bank or health data, domain.md §5).
 */
export function NoticeSheet({ sheet, today }: { sheet: CaseNoticeSheet; today: string }) {
  const { t } = useI18n();
  const rows = noticeRows(sheet);
  const span = noticeSpan(sheet.items);
  const elimination = sheet.kind === 'elimination';
  return (
    <article className="case-notice-sheet" data-testid="notice-sheet" data-kind={sheet.kind} data-count={rows.length}>
      <h1 className="case-notice-title" data-testid="notice-title">
        {noticeTitle(sheet)}
      </h1>
      <p className="case-notice-preamble">{t(elimination ? 'notice.preamble.elimination' : 'notice.preamble.identification')}</p>
      {span ? (
        <p className="case-notice-preamble">
          {t('notice.column.period')}：{writtenDate(span.startDate)}至{writtenDate(span.endDate)}
        </p>
      ) : null}
      <table className="case-notice-table" data-testid="notice-table">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>{t('notice.column.index')}</th>
            <th style={{ width: '14%' }}>{t('notice.column.head')}</th>
            <th>{t('notice.column.address')}</th>
            <th style={{ width: '10%' }}>{t('notice.column.members')}</th>
            <th style={{ width: '16%' }}>{t(elimination ? 'notice.column.way' : 'notice.column.category')}</th>
            <th style={{ width: '24%' }}>{t('notice.column.period')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="case-notice-empty" data-testid="notice-empty">
                {t('notice.empty')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} data-testid="notice-row">
                <td>{row.index}</td>
                <td>{row.headName}</td>
                <td className="case-notice-address">{row.address}</td>
                <td>{row.memberCount}</td>
                <td>{row.kindLabel}</td>
                <td>{row.period}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="case-notice-count">{t('notice.count', { count: rows.length })}</p>
      <p className="case-notice-objection">{t('notice.objection')}</p>
      <p className="case-notice-objection" data-testid="notice-phone">
        {t('notice.phone')}
        <span className="case-notice-blank" />
      </p>
      <div className="case-notice-footer" data-testid="notice-footer">
        <div>{[sheet.townshipName, noticeIssuer(sheet.villageName)].filter(Boolean).join('')}</div>
        <div>{writtenDate(today)}</div>
      </div>
    </article>
  );
}
