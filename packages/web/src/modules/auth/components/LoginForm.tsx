import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import type { LoginInput } from '../api/authApi';
import { useLogin } from '../hooks/useLogin';
import type { User } from '../types';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const { t } = useI18n();
  const login = useLogin();

  return (
    <Form<LoginInput>
      layout="vertical"
      size="large"
      requiredMark={false}
      data-testid="login-form"
      onFinish={(values) => login.mutate(values, { onSuccess: onLoggedIn })}
      onValuesChange={() => login.error && login.reset()}
    >
      {login.error ? (
        <Alert type="error" showIcon title={login.error.message} data-testid="login-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          placeholder={t('login.usernamePlaceholder')}
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          placeholder={t('login.passwordPlaceholder')}
          data-testid="login-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
