import { Alert, App, Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n';
import { confirmPasswordRules } from '../formRules';
import { useResetUserPassword } from '../hooks/useResetUserPassword';
import type { UserRow } from '../types';

interface ResetValues {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetUserPassword();

  const submit = ({ password }: ResetValues) =>
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName, username: user.username })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
      data-testid="reset-password-modal"
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      {reset.error ? (
        <Alert type="error" showIcon title={reset.error.message} data-testid="reset-password-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ResetValues> form={form} layout="vertical" onFinish={submit} onValuesChange={() => reset.error && reset.reset()}>
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.policyHint')}
          rules={[{ required: true, message: t('password.newRequired') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('password.confirm')} dependencies={['password']} rules={confirmPasswordRules(t, 'password')}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
