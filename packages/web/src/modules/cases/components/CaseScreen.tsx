import { useState } from 'react';
import { Button, Flex, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { FullPageSpin, LoadErrorResult, NotFoundResult, PageContainer } from '../../ui';
import { useCase } from '../hooks/useCases';
import { CASES_PATH, caseNoticePath } from '../paths';
import type { CaseStepType } from '../types';
import { CaseActionPanel } from './CaseActionPanel';
import { CaseEventsCard } from './CaseEventsCard';
import { CaseHeaderCard } from './CaseHeaderCard';
import { CaseMeasuresCard } from './CaseMeasuresCard';
import { CaseProgressCard } from './CaseProgressCard';
import { CaseStepModal } from './CaseStepModal';
import './cases.css';

const NOTICE_STATES = new Set(['in_notice', 'elimination_in_notice']);

/** One monitoring case: where it stands, what was done, the measures, and the steps this user may take. */
export function CaseScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useCase(id);
  const [dialog, setDialog] = useState<{ type: CaseStepType; measureId?: string } | null>(null);

  if (detail.isPending) return <FullPageSpin />;
  if (detail.error) {
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)) return <NotFoundResult />;
    return <LoadErrorResult message={detail.error.message} onRetry={() => void detail.refetch()} />;
  }
  const c = detail.data;
  const canUpdateMeasures = c.nextSteps.some((s) => s.type === 'measure_updated');

  return (
    <PageContainer
      title={t('case.title', { caseNo: c.caseNo, head: c.headName ?? t('case.noHead') })}
      testId="case-detail"
      extra={
        <Space wrap>
          <Link to={CASES_PATH}>
            <Button icon={<ArrowLeftOutlined />} data-testid="case-back">
              {t('case.back')}
            </Button>
          </Link>
          {c.notice && NOTICE_STATES.has(c.status) ? (
            <Link to={caseNoticePath(c.villageCode, c.notice.kind)}>
              <Button icon={<PrinterOutlined />} data-testid="case-notice-link">
                {t('case.printNotice')}
              </Button>
            </Link>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap={16} data-case-id={c.id} data-version={c.version}>
        <CaseHeaderCard detail={c} />
        <CaseActionPanel detail={c} onStep={(type) => setDialog({ type })} />
        <CaseProgressCard detail={c} />
        <CaseMeasuresCard
          measures={c.measures}
          onUpdate={canUpdateMeasures ? (measureId) => setDialog({ type: 'measure_updated', measureId }) : undefined}
        />
        <CaseEventsCard detail={c} />
      </Flex>
      {dialog ? (
        <CaseStepModal
          key={`${dialog.type}-${dialog.measureId ?? ''}`}
          detail={c}
          type={dialog.type}
          measureId={dialog.measureId}
          onClose={() => setDialog(null)}
          onReload={() => void detail.refetch()}
        />
      ) : null}
    </PageContainer>
  );
}
