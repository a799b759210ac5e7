import { useState } from 'react';
import { Alert, Card, Checkbox, Flex, Radio, Typography, Upload, type UploadProps } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { DownloadButton } from '../../ui';
import { TEMPLATE_URL } from '../api/importsApi';
import { useStartImport } from '../hooks/useStartImport';
import type { ImportMode } from '../types';

/** Step 1: template, how to import (all-or-nothing or valid rows only, trial run), then drop the file. */
export function ImportUploadCard({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [dryRun, setDryRun] = useState(false);
  const start = useStartImport();

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    start.mutate(
      { file: file as File, mode, dryRun },
      {
        onSuccess: (result) => {
          onSuccess?.(result);
          if (result.jobId) onStarted(result.jobId);
        },
        onError: (error) => onError?.(error),
      },
    );
  };

  return (
    <Card title={t('import.upload.title')} data-testid="import-upload-card">
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">{t('import.upload.intro')}</Typography.Text>
          <DownloadButton url={TEMPLATE_URL} fileName={t('import.upload.templateName')} icon={<FileExcelOutlined />} testId="import-template">
            {t('import.upload.template')}
          </DownloadButton>
        </Flex>
        <div>
          <Typography.Text strong>{t('import.mode.label')}</Typography.Text>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as ImportMode)}
            data-testid="import-mode"
            style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
            options={[
              { value: 'all-or-nothing', label: <span data-testid="import-mode-all">{t('import.mode.allOrNothing')}</span> },
              { value: 'valid-rows', label: <span data-testid="import-mode-valid">{t('import.mode.validRows')}</span> },
            ]}
          />
        </div>
        <Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} data-testid="import-dry-run">
          {t('import.dryRun.label')}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('import.dryRun.hint')}
          </Typography.Text>
        </Checkbox>
        {start.error ? <Alert type="error" showIcon title={start.error.message} data-testid="import-upload-error" /> : null}
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={start.isPending}
          customRequest={customRequest}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{start.isPending ? t('import.upload.sending') : t('import.upload.drop')}</p>
          <p className="ant-upload-hint">{t('import.upload.hint')}</p>
        </Upload.Dragger>
      </Flex>
    </Card>
  );
}
