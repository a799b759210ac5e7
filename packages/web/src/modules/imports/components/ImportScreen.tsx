import { useState } from 'react';
import { Flex } from 'antd';
import { useI18n } from '../../i18n';
import { PageContainer } from '../../ui';
import { ImportJobsTable } from './ImportJobsTable';
import { ImportProgressCard } from './ImportProgressCard';
import { ImportUploadCard } from './ImportUploadCard';

/** 数据导入: upload a spreadsheet of households, members and income, follow it, read its result. */
export function ImportScreen() {
  const { t } = useI18n();
  const [jobId, setJobId] = useState<string | null>(null);

  return (
    <PageContainer title={t('import.title')} testId="import-page">
      <Flex vertical gap={16}>
        <ImportUploadCard onStarted={setJobId} />
        {jobId ? <ImportProgressCard key={jobId} jobId={jobId} /> : null}
        <ImportJobsTable selectedId={jobId} onSelect={setJobId} />
      </Flex>
    </PageContainer>
  );
}
