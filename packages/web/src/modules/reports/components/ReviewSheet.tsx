import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import type { TownshipReview } from '../types';

/** 乡级半月研判清单: households needing a decision, village by village; names masked by the server. */
export function ReviewSheet({ review }: { review: TownshipReview }) {
  const { t } = useI18n();
  return (
    <article className="report-sheet" data-testid="report-review-sheet">
      <h2 className="report-sheet-title">{t('reports.review.title', { region: review.region.name, period: review.period.label })}</h2>
      <p className="report-sheet-meta">
        {t('reports.generatedAt', { at: formatDateTime(review.generatedAt) })}　{t('reports.review.summary', { households: review.households })}
      </p>
      <p className="report-sheet-note">{t('reports.review.privacy')}</p>
      {review.villages.length === 0 ? <p>{t('reports.review.empty')}</p> : null}
      {review.villages.map((v) => (
        <section key={v.code} className="report-village">
          <h3>{t('reports.review.village', { township: v.townshipName, village: v.name, households: v.households })}</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>{t('reports.review.householdNo')}</th>
                <th>{t('reports.review.headName')}</th>
                <th>{t('reports.review.kind')}</th>
                <th>{t('reports.review.detail')}</th>
                <th>{t('reports.review.caseNo')}</th>
                <th>{t('reports.review.due')}</th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((i) => (
                <tr key={`${i.householdId}-${i.kind}-${i.caseNo ?? i.detail}`}>
                  <td>{i.householdNo}</td>
                  <td>{i.headName}</td>
                  <td>{i.kindLabel}</td>
                  <td className="report-text">{i.detail}</td>
                  <td>{i.caseNo ?? ''}</td>
                  <td>{i.dueDate ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
