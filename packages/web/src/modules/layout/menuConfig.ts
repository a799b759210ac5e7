import type { ComponentType } from 'react';
import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  FundOutlined,
  SwapOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  LineChartOutlined,
  ProfileOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '../auth';
import type { MessageKey } from '../i18n';

export interface MenuEntry {
  /** Stable key; also the suffix of the item's data-testid (`menu-<key>`). */
  key: string;
  path: string;
  labelKey: MessageKey;
  icon: ComponentType;
  /** Shown when the user holds any of these; empty = every signed-in user. */
  anyOf: readonly Permission[];
}

/**
 * The main menu, in display order. The menu follows permissions, never roles. Areas are added here as they are
 * built, one line each — e.g. 农户档案 (registry:read), 监测预警 (registry:read), 案件办理 (cases:review |
 * cases:approve), 部门数据 (department:upload).
 */
export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: HomeOutlined, anyOf: [] },
  { key: 'dashboard', path: '/dashboard', labelKey: 'menu.dashboard', icon: BarChartOutlined, anyOf: ['registry:read'] },
  { key: 'households', path: '/registry/households', labelKey: 'menu.households', icon: ProfileOutlined, anyOf: ['registry:read'] },
  { key: 'import', path: '/registry/import', labelKey: 'menu.import', icon: CloudUploadOutlined, anyOf: ['registry:write'] },
  { key: 'exchange', path: '/registry/exchange', labelKey: 'menu.exchange', icon: SwapOutlined, anyOf: ['registry:export', 'registry:write'] },
  { key: 'warnings', path: '/monitoring/warnings', labelKey: 'menu.warnings', icon: AlertOutlined, anyOf: ['registry:read'] },
  { key: 'lines', path: '/monitoring/lines', labelKey: 'menu.lines', icon: LineChartOutlined, anyOf: ['registry:read'] },
  { key: 'focus', path: '/focus', labelKey: 'menu.focus', icon: AimOutlined, anyOf: ['registry:read'] },
  { key: 'targets', path: '/targets', labelKey: 'menu.targets', icon: FundOutlined, anyOf: ['registry:read'] },
  { key: 'reports', path: '/reports', labelKey: 'menu.reports', icon: FileTextOutlined, anyOf: ['registry:read'] },
  { key: 'cases', path: '/cases', labelKey: 'menu.cases', icon: SolutionOutlined, anyOf: ['cases:work', 'registry:read'] },
  { key: 'declarations', path: '/cases/declarations', labelKey: 'menu.declarations', icon: FormOutlined, anyOf: ['cases:work'] },
  { key: 'department', path: '/department', labelKey: 'menu.department', icon: DatabaseOutlined, anyOf: ['department:upload'] },
  { key: 'users', path: '/admin/users', labelKey: 'menu.users', icon: TeamOutlined, anyOf: ['users:manage'] },
  { key: 'audit', path: '/admin/audit', labelKey: 'menu.audit', icon: AuditOutlined, anyOf: ['audit:read'] },
  { key: 'settings', path: '/admin/settings', labelKey: 'menu.settings', icon: SettingOutlined, anyOf: ['settings:manage'] },
  { key: 'password', path: '/account/password', labelKey: 'menu.password', icon: KeyOutlined, anyOf: [] },
];

/** The entry whose path is the longest prefix of the current location ("/" only matches itself). */
export function menuKeyForPath(pathname: string, entries: readonly MenuEntry[] = MENU): string | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.key;
}
