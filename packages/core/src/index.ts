export * from './id-number.ts';
export * from './masking.ts';
export * from './money.ts';
export * from './region-code.ts';
export * from './access/index.ts';
export * from './registry/income-items.ts';
