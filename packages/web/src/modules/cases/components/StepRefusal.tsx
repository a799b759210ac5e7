import { Alert, Button } from 'antd';
import { useI18n } from '../../i18n';
import type { StepProblem } from '../stepErrors';

/** A refused step with the workflow's Chinese reasons, a version conflict with a reload, or a plain error. */
export function StepRefusal({ problem, onReload }: { problem: StepProblem; onReload: () => void }) {
  const { t } = useI18n();
  switch (problem.kind) {
    case 'refused':
      return (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-refusal"
          title={t('case.form.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problem.reasons.map((reason, i) => (
                <li key={i} data-testid="case-refusal-reason">
                  {reason}
                </li>
              ))}
            </ul>
          }
        />
      );
    case 'conflict':
      return (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-conflict"
          title={t('case.form.conflict')}
          action={
            <Button size="small" onClick={onReload} data-testid="case-reload">
              {t('case.form.reload')}
            </Button>
          }
        />
      );
    case 'exists':
    case 'other':
      return <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="case-step-error" title={problem.message} />;
  }
}
