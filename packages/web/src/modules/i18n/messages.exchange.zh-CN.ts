/** National-format exchange (国家系统格式交换). */
export const exchangeZhCN = {
  'menu.exchange': '国家系统格式交换',
};
