import { Card, Flex, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch, useI18n } from '../../i18n';
import { FullPageSpin } from '../../ui';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../paths';
import type { User } from '../types';
import { LoginForm } from './LoginForm';
import type { LoginRedirectState } from './RequireAuth';

function destinationAfterLogin(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only same-app paths; never bounce back to the login page itself.
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith(LOGIN_PATH) ? from : '/';
}

export function LoginScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, isLoading } = useCurrentUser();

  const onLoggedIn = (signedIn: User) => {
    const target = signedIn.mustChangePassword ? CHANGE_PASSWORD_PATH : destinationAfterLogin(location.state);
    void navigate(target, { replace: true });
  };

  if (isLoading) return <FullPageSpin tip={t('common.loading')} />;
  if (user) {
    return <Navigate to={user.mustChangePassword ? CHANGE_PASSWORD_PATH : destinationAfterLogin(location.state)} replace />;
  }

  return (
    <Flex className="login-screen" vertical align="center" justify="center">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" data-testid="login-card">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }} className="brand-name" data-testid="product-name">
            {t('app.productName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        <LoginForm onLoggedIn={onLoggedIn} />
      </Card>
      <Typography.Text type="secondary" className="login-footer">
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
