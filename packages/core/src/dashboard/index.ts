export * from './dashboard-contract.ts';
