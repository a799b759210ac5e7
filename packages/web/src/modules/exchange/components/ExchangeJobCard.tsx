import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { LoadErrorResult } from '../../ui';
import { EXCHANGE_PHASE_KEYS, changesNothing, nextStep } from '../exchangeView';
import { useExchangeJob } from '../hooks/useExchangeJob';
import { ExchangeErrorsTable } from './ExchangeErrorsTable';
import { ExchangeSummaryTable } from './ExchangeSummaryTable';

/** One trial run or import: its progress while it runs, then its result and what to do next. */
export function ExchangeJobCard({ jobId, onApply, applying }: { jobId: string; onApply: () => void; applying: boolean }) {
  const { t } = useI18n();
  const query = useExchangeJob(jobId);
  if (query.error) return <LoadErrorResult message={query.error.message} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  if (!detail) return <Card loading />;
  const { job, errors } = detail;
  const step = nextStep(job);
  const alertOf = {
    wait: null,
    apply: { type: 'success' as const, text: t(job.summary && changesNothing(job.summary) ? 'exchange.step.nothing' : 'exchange.step.apply') },
    fix: { type: 'error' as const, text: t('exchange.step.fix') },
    applied: { type: 'success' as const, text: job.message ?? t('exchange.step.applied') },
    refused: { type: 'error' as const, text: job.message ?? t('exchange.step.refused') },
  }[step];
  return (
    <Card title={`${t(job.dryRun ? 'exchange.job.dryRun' : 'exchange.job.apply')} · ${job.fileName}`} data-testid="exchange-job" data-status={job.status} data-step={step}>
      <Flex vertical gap={12}>
        {step === 'wait' ? (
          <>
            <Progress percent={100} status="active" showInfo={false} />
            <Typography.Text>{t(EXCHANGE_PHASE_KEYS[job.phase])} · {t('exchange.job.rows', { rows: job.rowsDone, bad: job.rowsBad })}</Typography.Text>
          </>
        ) : null}
        {alertOf ? <Alert type={alertOf.type} showIcon title={alertOf.text} data-testid="exchange-job-result" /> : null}
        {job.summary && step !== 'fix' ? <ExchangeSummaryTable summary={job.summary} /> : null}
        {errors.length > 0 ? <ExchangeErrorsTable errors={errors} rowsBad={job.rowsBad} /> : null}
        {step === 'apply' ? (
          <div>
            <Button type="primary" loading={applying} onClick={onApply} data-testid="exchange-apply">
              {t('exchange.import.apply')}
            </Button>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
