import { Flex, Layout } from 'antd';
import { Link } from 'react-router';
import type { User } from '../../auth';
import { LanguageSwitch, useI18n } from '../../i18n';
import { RegionBreadcrumb } from '../../regions';
import { LogoutButton } from './LogoutButton';
import { UserSummary } from './UserSummary';

export function AppHeader({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <Layout.Header className="app-header">
      <Link to="/" className="app-brand" data-testid="product-name">
        {t('app.productName')}
      </Link>
      <div className="app-header-region">
        <RegionBreadcrumb />
      </div>
      <Flex align="center" gap={4} className="app-header-actions">
        <UserSummary user={user} />
        <span className="no-print">
          <LanguageSwitch />
        </span>
        <span className="no-print">
          <LogoutButton />
        </span>
      </Flex>
    </Layout.Header>
  );
}
