export * from './dashboard-contract.ts';
export * from './dashboard-figures.ts';
export * from './drill-metrics.ts';
