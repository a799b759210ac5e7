import { useEffect, useRef } from 'react';
import { Alert, Card, Flex, Progress, Spin, Steps, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { incomeKeys } from '../../income';
import { registryKeys } from '../../registry';
import { DownloadButton, LoadErrorResult, formatDateTime } from '../../ui';
import { reportUrl } from '../api/importsApi';
import { useImportJob } from '../hooks/useImportJob';
import { PHASE_LABEL_KEYS, STATUS_LABEL_KEYS, isFinished, progressPercent, progressStatus } from '../importProgress';
import { importKeys } from '../queryKeys';
import type { ImportJob, ImportPhase } from '../types';
import { ImportErrorsTable } from './ImportErrorsTable';
import { ImportStatusTag } from './ImportStatusTag';
import { ImportSummaryView } from './ImportSummaryView';

const PHASES: readonly ImportPhase[] = ['reading', 'checking', 'applying', 'done'];

function resultType(job: ImportJob): 'success' | 'warning' | 'error' | 'info' {
  if (job.status === 'succeeded') return job.rowsBad > 0 ? 'warning' : 'success';
  if (job.status === 'interrupted') return 'warning';
  return job.status === 'running' ? 'info' : 'error';
}

/** Live progress of one import (polled every second), then its result, summary and bad rows. */
export function ImportProgressCard({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useImportJob(jobId);
  const job = query.data?.job;
  const finished = job ? isFinished(job) : false;

  // The phase a failed import stopped in: the server reports "done" once it ends, so remember what it was doing.
  const lastPhase = useRef<ImportPhase>('reading');
  if (job && job.status === 'running' && job.phase !== 'done') lastPhase.current = job.phase;

  // Once finished, the recent-imports list and any cached households or income may be out of date.
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!finished || announced.current === jobId) return;
    announced.current = jobId;
    void queryClient.invalidateQueries({ queryKey: importKeys.list });
    void queryClient.invalidateQueries({ queryKey: registryKeys.all });
    void queryClient.invalidateQueries({ queryKey: incomeKeys.all });
  }, [finished, jobId, queryClient]);

  if (query.error && !job) {
    return (
      <Card data-testid="import-progress">
        <LoadErrorResult message={query.error.message} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  if (!job) {
    return (
      <Card data-testid="import-progress">
        <Spin />
      </Card>
    );
  }

  const percent = progressPercent(job);
  const errors = query.data?.errors ?? [];
  const failed = job.status === 'failed' || job.status === 'rejected' || job.status === 'interrupted';
  // Bad rows stop an all-or-nothing import after the checks; otherwise it failed where it was last seen.
  const stoppedAt: ImportPhase = job.rowsBad > 0 ? 'checking' : lastPhase.current;
  const phaseIndex = failed ? PHASES.indexOf(stoppedAt) : finished ? PHASES.length - 1 : PHASES.indexOf(job.phase);

  return (
    <Card
      title={t('import.progress.title', { file: job.fileName })}
      extra={<ImportStatusTag status={job.status} dryRun={job.dryRun} />}
      data-testid="import-progress"
      data-status={job.status}
      data-phase={job.phase}
    >
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={phaseIndex}
          status={failed ? 'error' : finished ? 'finish' : 'process'}
          items={PHASES.map((phase) => ({ title: t(PHASE_LABEL_KEYS[phase]) }))}
        />
        <div>
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text>
              {t('import.progress.phase')}
              <Tag color={finished ? 'default' : 'processing'} data-testid="import-phase" style={{ marginInlineStart: 8 }}>
                {t(PHASE_LABEL_KEYS[finished ? 'done' : job.phase])}
              </Tag>
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="import-rows">
              {job.rowsTotal
                ? t('import.progress.rowsOfTotal', { done: job.rowsDone, total: job.rowsTotal, bad: job.rowsBad })
                : t('import.progress.rows', { done: job.rowsDone, bad: job.rowsBad })}
            </Typography.Text>
          </Flex>
          {percent === null ? (
            <Progress percent={100} status="active" showInfo={false} className="progress-indeterminate" />
          ) : (
            <Progress percent={percent} status={progressStatus(job)} />
          )}
        </div>
        {finished ? (
          <Alert
            type={resultType(job)}
            showIcon
            data-testid="import-result"
            data-status={job.status}
            title={job.message ?? t(STATUS_LABEL_KEYS[job.status])}
            description={job.finishedAt ? t('import.progress.finishedAt', { time: formatDateTime(job.finishedAt) }) : undefined}
          />
        ) : null}
        {finished && job.summary ? <ImportSummaryView summary={job.summary} /> : null}
        {finished && (job.rowsBad > 0 || errors.length > 0) ? (
          <>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('import.errors.title', { count: job.rowsBad || errors.length })}
              </Typography.Title>
              <DownloadButton url={reportUrl(job.id)} fileName={t('import.errors.reportName')} testId="import-report">
                {t('import.errors.report')}
              </DownloadButton>
            </Flex>
            <ImportErrorsTable errors={errors} rowsBad={job.rowsBad} />
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
