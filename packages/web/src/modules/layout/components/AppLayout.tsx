import { useState } from 'react';
import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { useCurrentUser } from '../../auth';
import { CurrentRegionProvider } from '../../regions';
import { AppHeader } from './AppHeader';
import { MainMenu } from './MainMenu';
import { RegionPanel } from './RegionPanel';

/** Frame of every signed-in page; rendered inside RequireAuth, so the user is known. */
export function AppLayout() {
  const { user } = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  if (!user) return null;

  return (
    <CurrentRegionProvider key={user.id} scopeCode={user.regionCode} scopeName={user.regionName}>
      <Layout className="app-layout">
        <AppHeader user={user} />
        <Layout>
          <Layout.Sider
            theme="light"
            width={256}
            breakpoint="lg"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="app-sider no-print"
          >
            <MainMenu user={user} />
            {collapsed ? null : <RegionPanel />}
          </Layout.Sider>
          <Layout.Content className="app-content">
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </CurrentRegionProvider>
  );
}
