export * from './income-targets.ts';
export * from './target-sheet.ts';
