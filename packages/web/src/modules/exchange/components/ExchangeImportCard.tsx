import { useState } from 'react';
import { Alert, Card, Flex, Typography, Upload, type UploadProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { useStartExchangeImport } from '../hooks/useStartExchangeImport';
import { ExchangeJobCard } from './ExchangeJobCard';

/** Upload → trial run (always first) → apply the same file. */
export function ExchangeImportCard() {
  const { t } = useI18n();
  const start = useStartExchangeImport();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const run = (f: File, dryRun: boolean) =>
    start.mutate({ file: f, dryRun }, { onSuccess: (result) => setJobId(result.jobId || null) });

  const customRequest: UploadProps['customRequest'] = ({ file: picked, onSuccess }) => {
    setFile(picked as File);
    setJobId(null);
    run(picked as File, true);
    onSuccess?.({});
  };

  return (
    <Card title={t('exchange.import.title')} data-testid="exchange-import">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('exchange.import.intro')}</Typography.Paragraph>
        {start.error ? <Alert type="error" showIcon title={start.error.message} data-testid="exchange-upload-error" /> : null}
        <Upload.Dragger accept=".xlsx" multiple={false} maxCount={1} showUploadList={false} disabled={start.isPending} customRequest={customRequest} data-testid="exchange-upload">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{start.isPending ? t('exchange.import.sending') : file ? t('exchange.import.again') : t('exchange.import.drop')}</p>
          <p className="ant-upload-hint">{t('exchange.import.hint')}</p>
        </Upload.Dragger>
        {file ? <Typography.Text>{t('exchange.import.fileLabel', { name: file.name })}</Typography.Text> : null}
        {jobId ? <ExchangeJobCard key={jobId} jobId={jobId} applying={start.isPending} onApply={() => file && run(file, false)} /> : null}
      </Flex>
    </Card>
  );
}
