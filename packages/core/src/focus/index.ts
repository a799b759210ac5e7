export * from './focus-groups.ts';
export * from './focus-plan.ts';
