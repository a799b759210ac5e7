import type { YearFilter } from './types';

export const targetKeys = {
  all: ['targets'] as const,
  list: (region: string, year: YearFilter) => ['targets', 'list', region, year] as const,
  history: (region: string, year: number) => ['targets', 'history', region, year] as const,
};
