import { ASSESSMENT_INDICATOR_LABELS, describeRule, formatPoints } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { signedPoints } from '../reportParams';
import type { AssessmentReport } from '../types';

/** 季度考核得分排名: each child region's points per rule with the reason, its total and rank, then the rules. */
export function AssessmentSheet({ report }: { report: AssessmentReport }) {
  const { t } = useI18n();
  return (
    <article className="report-sheet" data-testid="report-assessment-sheet">
      <h2 className="report-sheet-title">{t('reports.assessment.title', { region: report.region.name, year: report.year, quarter: report.quarter })}</h2>
      <p className="report-sheet-meta">{t('reports.generatedAt', { at: formatDateTime(report.generatedAt) })}</p>
      {report.scores.length === 0 ? <p>{t('reports.assessment.empty')}</p> : null}
      <table className="report-table">
        <thead>
          <tr>
            <th>{t('reports.assessment.rank')}</th>
            <th>{t('reports.assessment.region')}</th>
            <th>{t('reports.assessment.total')}</th>
            {report.rules.rules.map((rule) => (
              <th key={`${rule.method}-${rule.indicator}`}>{ASSESSMENT_INDICATOR_LABELS[rule.indicator]}</th>
            ))}
            <th>{t('reports.assessment.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {report.scores.map((s) => (
            <tr key={s.code}>
              <td className="report-number">{s.rank}</td>
              <td>{s.name}</td>
              <td className="report-number">{formatPoints(s.total)}</td>
              {s.items.map((i) => (
                <td key={`${i.method}-${i.indicator}`} className="report-number">{signedPoints(i.points)}</td>
              ))}
              <td className="report-text">{s.items.map((i) => i.explanation).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('reports.assessment.rules', { base: formatPoints(report.rules.baseScore) })}</h3>
      <ol className="report-rules">
        {report.rules.rules.map((rule) => (
          <li key={`${rule.method}-${rule.indicator}`}>{describeRule(rule, report.referenceLabel)}</li>
        ))}
      </ol>
    </article>
  );
}
