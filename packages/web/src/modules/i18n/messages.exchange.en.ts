import type { exchangeZhCN } from './messages.exchange.zh-CN';

export const exchangeEn: Record<keyof typeof exchangeZhCN, string> = {
  'menu.exchange': 'National-format exchange',
};
