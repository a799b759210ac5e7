import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { groupFigures } from '../reportParams';
import { PROGRESS_FIELDS, type DispatchReport } from '../types';

/** 县级每月调度报告 as one sheet: the figures, then the month's progress by child region. */
export function DispatchSheet({ report }: { report: DispatchReport }) {
  const { t } = useI18n();
  return (
    <article className="report-sheet" data-testid="report-dispatch-sheet">
      <h2 className="report-sheet-title">{t('reports.dispatch.title', { region: report.region.name, period: report.period.label })}</h2>
      <p className="report-sheet-meta">{t('reports.generatedAt', { at: formatDateTime(report.generatedAt) })}</p>
      <h3>{t('reports.dispatch.figures', { year: report.period.year, quarter: report.period.quarter })}</h3>
      <table className="report-table report-figures">
        <tbody>
          {groupFigures(report.figures).map((group) =>
            group.items.map((f, i) => (
              <tr key={`${group.section}-${f.label}`}>
                {i === 0 ? <th rowSpan={group.items.length}>{group.section}</th> : null}
                <td>{f.label}</td>
                <td className="report-number">{f.value}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h3>{t('reports.dispatch.progress', { asOf: report.period.asOf })}</h3>
      <table className="report-table" data-testid="report-dispatch-progress">
        <thead>
          <tr>
            <th>{t('reports.progress.region')}</th>
            {PROGRESS_FIELDS.map((f) => (
              <th key={f}>{t(`reports.progress.${f}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.progress.rows.map((row) => (
            <tr key={row.code}>
              <td>{row.name}</td>
              {PROGRESS_FIELDS.map((f) => (
                <td key={f} className="report-number">{row[f]}</td>
              ))}
            </tr>
          ))}
          <tr className="report-total">
            <td>{t('reports.progress.total')}</td>
            {PROGRESS_FIELDS.map((f) => (
              <td key={f} className="report-number">{report.progress.total[f]}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </article>
  );
}
