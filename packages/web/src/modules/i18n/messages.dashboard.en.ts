import type { dashboardZhCN } from './messages.dashboard.zh-CN';

export const dashboardEn: Record<keyof typeof dashboardZhCN, string> = {
  'menu.dashboard': 'Dashboard',
};
