import { Button, Card, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { caseLabel } from '../caseLabels';
import { openMeasures } from '../stepForm';
import type { CaseDetail, CaseStepType } from '../types';
import { EliminationProblemsAlert } from './EliminationProblemsAlert';

const PRIMARY: ReadonlySet<string> = new Set([
  'home_checked',
  'notice_started',
  'notice_finished',
  'township_reviewed',
  'county_approved',
  'elimination_notice_started',
  'elimination_notice_finished',
  'elimination_township_reviewed',
  'elimination_county_approved',
]);
const CLOSED = new Set(['eliminated', 'closed_not_included']);

/** 办理: one button per step this user may take now (the server's nextSteps), each opening that step's form. */
export function CaseActionPanel({ detail, onStep }: { detail: CaseDetail; onStep: (type: CaseStepType) => void }) {
  const { t, language } = useI18n();
  // Opening a lead has its own endpoint; updating measures only matters once there is an unfinished one.
  const hasOpenMeasure = openMeasures(detail.measures).length > 0;
  const steps = detail.nextSteps.filter(
    (s): s is { type: CaseStepType; label: string } => s.type !== 'lead_opened' && (s.type !== 'measure_updated' || hasOpenMeasure),
  );
  const showProblems = detail.status === 'monitored' && detail.eliminationProblems !== null && steps.some((s) => s.type === 'elimination_proposed');
  return (
    <Card title={t('case.actions.title')} data-testid="case-actions" className="no-print">
      <Flex vertical gap={12}>
        {showProblems ? <EliminationProblemsAlert problems={detail.eliminationProblems ?? []} /> : null}
        {steps.length ? (
          <Flex wrap gap={8}>
            {steps.map((s) => (
              <Button
                key={s.type}
                type={PRIMARY.has(s.type) ? 'primary' : 'default'}
                danger={s.type === 'elimination_rolled_back'}
                onClick={() => onStep(s.type)}
                data-testid={`case-step-${s.type}`}
              >
                {language === 'en' ? caseLabel('event', s.type, language) : s.label || caseLabel('event', s.type, language)}
              </Button>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary" data-testid="case-actions-none">
            {CLOSED.has(detail.status) ? t('case.actions.closed') : t('case.actions.none')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
