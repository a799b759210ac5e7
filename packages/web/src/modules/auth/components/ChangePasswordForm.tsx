import { Alert, App, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { useChangePassword } from '../hooks/useChangePassword';
import { useCurrentUser } from '../hooks/useCurrentUser';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const change = useChangePassword();

  const submit = ({ oldPassword, newPassword }: ChangePasswordValues) =>
    change.mutate(
      { oldPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          void navigate('/', { replace: true });
        },
      },
    );

  return (
    <Form<ChangePasswordValues>
      layout="vertical"
      style={{ maxWidth: 420 }}
      data-testid="password-form"
      onFinish={submit}
      onValuesChange={() => change.error && change.reset()}
    >
      {user?.mustChangePassword ? (
        <Alert type="warning" showIcon title={t('password.mustChange')} data-testid="password-must-change" style={{ marginBottom: 16 }} />
      ) : null}
      {change.error ? (
        <Alert type="error" showIcon title={change.error.message} data-testid="password-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('password.oldRequired') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-old" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policyHint')}
        dependencies={['oldPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('oldPassword')
                ? Promise.reject(new Error(t('password.sameAsOld')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
