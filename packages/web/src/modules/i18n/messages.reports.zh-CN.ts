/** Reports and assessment (调度与考核). */
export const reportsZhCN = {
  'menu.reports': '调度与考核',
};
