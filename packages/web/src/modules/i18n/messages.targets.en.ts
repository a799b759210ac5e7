import type { targetsZhCN } from './messages.targets.zh-CN';

export const targetsEn: Record<keyof typeof targetsZhCN, string> = {
  'menu.targets': 'Income targets',
};
