import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { LOGIN_PATH, useLogout } from '../../auth';
import { useI18n } from '../../i18n';

export function LogoutButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      type="text"
      icon={<LogoutOutlined />}
      loading={logout.isPending}
      className="header-action"
      data-testid="logout"
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(LOGIN_PATH, { replace: true }) })}
    >
      {t('header.logout')}
    </Button>
  );
}
