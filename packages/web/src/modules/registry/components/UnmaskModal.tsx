import { Alert, Descriptions, Form, Input, Modal, Table } from 'antd';
import { useI18n } from '../../i18n';
import { useUnmaskHousehold } from '../hooks/useUnmaskHousehold';
import type { UnmaskResult } from '../types';

/**
 * 查看完整信息: asks why, then shows the full ID numbers and phone once. Each request is written to the audit log;
 * the numbers are held only by this dialog and are gone when it closes.
 */
export function UnmaskModal({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const unmask = useUnmaskHousehold(householdId);
  const result: UnmaskResult | undefined = unmask.data;

  return (
    <Modal
      open
      width={720}
      title={t('unmask.title')}
      okText={result ? t('unmask.close') : t('unmask.submit')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      onOk={() => (result ? onClose() : form.submit())}
      onCancel={onClose}
      confirmLoading={unmask.isPending}
      okButtonProps={{ 'data-testid': 'unmask-submit' }}
      // On the dialog box itself: the modal root has no size, so it would never count as visible.
      modalRender={(node) => <div data-testid="unmask-modal">{node}</div>}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('unmask.auditWarning')} />
      {unmask.error ? (
        <Alert type="error" showIcon title={unmask.error.message} data-testid="unmask-error" style={{ marginBottom: 16 }} />
      ) : null}
      {result ? (
        <div data-testid="unmask-result">
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 16 }}
            items={[{ key: 'phone', label: t('household.field.phone'), children: <span className="mono">{result.phone ?? '—'}</span> }]}
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={result.members}
            columns={[
              { title: t('member.field.name'), dataIndex: 'name', key: 'name' },
              {
                title: t('member.field.idNumber'),
                dataIndex: 'idNumber',
                key: 'idNumber',
                render: (value: string) => <span className="mono">{value}</span>,
              },
              { title: t('member.field.birthDate'), dataIndex: 'birthDate', key: 'birthDate' },
            ]}
          />
        </div>
      ) : (
        <Form form={form} layout="vertical" onFinish={({ reason }) => unmask.mutate(reason.trim())}>
          <Form.Item
            name="reason"
            label={t('unmask.reason')}
            rules={[
              { required: true, whitespace: true, message: t('unmask.reasonRequired') },
              { min: 2, message: t('unmask.reasonRequired') },
            ]}
          >
            <Input.TextArea rows={2} maxLength={100} showCount placeholder={t('unmask.reasonPlaceholder')} data-testid="unmask-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
