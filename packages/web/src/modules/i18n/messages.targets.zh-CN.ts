/** Income targets (增收目标). */
export const targetsZhCN = {
  'menu.targets': '增收目标',
};
