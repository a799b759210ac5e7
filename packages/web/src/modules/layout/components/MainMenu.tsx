import { createElement, useMemo } from 'react';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { hasAnyPermission, type User } from '../../auth';
import { useI18n } from '../../i18n';
import { MENU, menuKeyForPath } from '../menuConfig';

export function MainMenu({ user }: { user: User }) {
  const { t } = useI18n();
  const { pathname } = useLocation();

  const entries = useMemo(() => MENU.filter((entry) => hasAnyPermission(user, entry.anyOf)), [user]);
  const items: MenuProps['items'] = entries.map((entry) => ({
    key: entry.key,
    icon: createElement(entry.icon),
    label: (
      <Link to={entry.path} data-testid={`menu-${entry.key}`}>
        {t(entry.labelKey)}
      </Link>
    ),
  }));
  const selected = menuKeyForPath(pathname, entries);

  return (
    <nav data-testid="main-menu" aria-label={t('menu.label')}>
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} />
    </nav>
  );
}
