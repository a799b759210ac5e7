import { Alert, Button, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { useVerifyAuditChain } from '../hooks/useVerifyAuditChain';

/** Recomputes the audit log's hash chain on the server and says whether any record was altered. */
export function VerifyChainPanel() {
  const { t } = useI18n();
  const verify = useVerifyAuditChain();
  const result = verify.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify.button')}
      </Button>
      {result ? (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
          title={result.ok ? t('audit.verify.ok', { checked: result.checked }) : t('audit.verify.broken')}
          description={
            result.ok
              ? undefined
              : t('audit.verify.brokenDetail', { checked: result.checked, seq: result.firstBrokenSeq ?? '—' })
          }
        />
      ) : null}
    </Space>
  );
}
