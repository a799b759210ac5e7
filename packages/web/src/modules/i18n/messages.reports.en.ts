import type { reportsZhCN } from './messages.reports.zh-CN';

export const reportsEn: Record<keyof typeof reportsZhCN, string> = {
  'menu.reports': 'Reports and assessment',
};
