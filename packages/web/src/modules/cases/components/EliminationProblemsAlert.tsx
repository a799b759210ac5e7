import { Alert } from 'antd';
import { useI18n } from '../../i18n';

/**
 * Before 提出风险消除: why the server would refuse an elimination now (income, months monitored, measures, the
 * three guarantees, a household without labour). Advisory: the button stays usable and the server decides.
 */
export function EliminationProblemsAlert({ problems }: { problems: string[] }) {
  const { t } = useI18n();
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={t('case.eliminationProblems.ok')} data-testid="case-elimination-problems" data-count={0} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="case-elimination-problems"
      data-count={problems.length}
      title={t('case.eliminationProblems.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      }
    />
  );
}
