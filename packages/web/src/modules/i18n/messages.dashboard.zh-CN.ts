/** Dashboard (数据看板). */
export const dashboardZhCN = {
  'menu.dashboard': '数据看板',
};
