export const reportKeys = {
  all: ['reports'] as const,
  dispatch: (region: string, month: string) => ['reports', 'dispatch', region, month] as const,
  townshipReview: (region: string, date: string) => ['reports', 'township-review', region, date] as const,
  assessment: (region: string, year: number, quarter: number) => ['reports', 'assessment', region, year, quarter] as const,
  rules: (region: string) => ['reports', 'assessment-rules', region] as const,
};
