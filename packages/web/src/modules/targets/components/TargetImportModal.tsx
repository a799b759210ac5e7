import { useState } from 'react';
import { Alert, Button, Flex, Modal, Typography, Upload, type UploadProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useImportTargets } from '../hooks/useTargets';
import type { TargetImportReport } from '../types';

/** Import a sheet: the file is checked first (dry run); only a clean check can be confirmed, with the same file. */
export function TargetImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const run = useImportTargets();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TargetImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = (f: File, dryRun: boolean) => {
    setFailure(null);
    run.mutate(
      { file: f, dryRun },
      {
        onSuccess: setReport,
        onError: (error) => {
          const details = isApiError(error) ? (error.details as TargetImportReport | undefined) : undefined;
          if (details && Array.isArray(details.errors)) setReport(details);
          else setFailure(isApiError(error) ? error.message : t('error.unexpected'));
        },
      },
    );
  };

  const customRequest: UploadProps['customRequest'] = ({ file: f, onSuccess }) => {
    setFile(f as File);
    setReport(null);
    send(f as File, true);
    onSuccess?.(null);
  };

  const counts = report ? { rows: report.rows, created: report.created, changed: report.changed, unchanged: report.unchanged } : null;
  const canApply = report !== null && !report.applied && report.errors.length === 0 && report.created + report.changed > 0;

  return (
    <Modal open width={760} title={t('targets.import.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('targets.import.hint')}</Typography.Text>
        <Upload.Dragger accept=".xlsx,.csv" multiple={false} maxCount={1} showUploadList={false} disabled={run.isPending} customRequest={customRequest} data-testid="targets-import-upload">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('targets.import.drop')}</p>
        </Upload.Dragger>
        {failure ? <Alert type="error" showIcon title={failure} data-testid="targets-import-failure" /> : null}
        {report && counts ? (
          <Alert
            type={report.errors.length > 0 ? 'error' : 'success'}
            showIcon
            data-testid="targets-import-report"
            title={report.applied ? t('targets.import.applied', counts) : t('targets.import.checked', counts)}
            description={
              report.errors.length > 0 ? (
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t('targets.import.errors', { count: report.errors.length })}</Typography.Text>
                  <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 260, overflowY: 'auto' }} data-testid="targets-import-errors">
                    {report.errors.map((e, i) => (
                      <li key={i}>{t('targets.import.errorLine', { row: e.row, letter: e.columnLetter || '—', column: e.column, message: e.message })}</li>
                    ))}
                  </ul>
                </Flex>
              ) : !report.applied && !canApply ? (
                t('targets.import.nothing')
              ) : null
            }
          />
        ) : null}
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('targets.import.close')}</Button>
          <Button type="primary" disabled={!canApply || !file} loading={run.isPending} onClick={() => file && send(file, false)} data-testid="targets-import-apply">
            {t('targets.import.apply')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
}
