import { Card, Flex, Steps, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { ELIMINATION_STEPS, IDENTIFICATION_STEPS, eliminationProgress, identificationProgress, showsEliminationPath } from '../caseProgress';
import type { CaseDetail } from '../types';

/** 办理进度: the identification path, and once monitored the elimination path below it. */
export function CaseProgressCard({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const identification = identificationProgress(detail.status, detail.events);
  const elimination = eliminationProgress(detail.status);
  return (
    <Card title={t('case.progress.title')} data-testid="case-progress">
      <Flex vertical gap={20}>
        <div data-testid="case-progress-identification" data-current={identification.current} data-status={identification.status}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('case.progress.identification')}
          </Typography.Text>
          <Steps
            size="small"
            current={identification.current}
            status={identification.status}
            items={IDENTIFICATION_STEPS.map((step) => ({ title: t(`case.progress.${step}`) }))}
          />
        </div>
        {showsEliminationPath(detail.status) ? (
          <div data-testid="case-progress-elimination" data-current={elimination.current} data-status={elimination.status}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {t('case.progress.elimination')}
            </Typography.Text>
            <Steps
              size="small"
              current={elimination.current}
              status={elimination.status}
              items={ELIMINATION_STEPS.map((step) => ({ title: t(`case.progress.${step}`) }))}
            />
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
