export * from './assessment-rules.ts';
export * from './assessment-score.ts';
