import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { markFalsePositive } from '../api/departmentApi';
import { isDepartmentWarning } from '../departmentLabels';

/** 误报: the village closes a department warning the home check found untrue, with a reason (reported back as a rate). */
export function FalsePositiveAction({ warning }: { warning: { id: string; source: string; status: string; caseId?: string | null } }) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const mark = useMutation({
    mutationFn: (reason: string) => markFalsePositive(warning.id, reason),
    onSuccess: () => {
      setOpen(false);
      void message.success(t('falsePositive.done'));
      void client.invalidateQueries({ queryKey: ['monitoring'] });
    },
  });
  if (!isDepartmentWarning(warning) || !hasPermission(user, 'cases:work')) return null;
  return (
    <>
      <Button size="small" danger type="link" onClick={() => setOpen(true)} data-testid="warning-false-positive">
        {t('falsePositive.action')}
      </Button>
      <Modal
        open={open}
        title={t('falsePositive.title')}
        okText={t('falsePositive.submit')}
        confirmLoading={mark.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => mark.mutate(v.reason.trim()))}
        okButtonProps={{ ...({ 'data-testid': 'false-positive-submit' } as object) }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('falsePositive.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('falsePositive.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('falsePositive.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={200} showCount data-testid="false-positive-reason" />
          </Form.Item>
        </Form>
        {mark.error ? <Typography.Text type="danger" data-testid="false-positive-error">{mark.error.message}</Typography.Text> : null}
      </Modal>
    </>
  );
}
