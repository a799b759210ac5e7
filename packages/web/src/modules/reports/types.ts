import type { AssessmentIndicator, AssessmentRules, RegionScore } from '@zengshou/core';

/** The three reports of the work's rhythm (domain.md §8). */
export const REPORT_KINDS = ['dispatch', 'township-review', 'assessment'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportRegion {
  code: string;
  name: string;
  level: string;
}

export interface DispatchFigure {
  section: string;
  label: string;
  value: string;
}

export const PROGRESS_FIELDS = [
  'leadsOpened', 'identificationsApproved', 'eliminationsApproved', 'notIncluded', 'measuresAdded', 'measuresCompleted', 'overdueAtMonthEnd',
] as const;
export type ProgressField = (typeof PROGRESS_FIELDS)[number];
export type ProgressRow = { code: string; name: string } & Record<ProgressField, number>;

export interface DispatchReport {
  region: ReportRegion;
  period: { month: string; label: string; year: number; quarter: number; firstDay: string; lastDay: string; asOf: string };
  generatedAt: string;
  figures: DispatchFigure[];
  progress: { rows: ProgressRow[]; total: Record<ProgressField, number> };
}

export type ReviewKind = 'township_review' | 'elimination_township_review' | 'identification_overdue' | 'declaration_unvisited' | 'warning_overdue';

export interface ReviewItem {
  villageCode: string;
  villageName: string;
  townshipName: string;
  householdId: string;
  householdNo: string;
  headName: string;
  kind: ReviewKind;
  kindLabel: string;
  detail: string;
  caseNo: string | null;
  dueDate: string | null;
}

export interface TownshipReview {
  region: ReportRegion;
  period: { half: 1 | 2; label: string; firstDay: string; lastDay: string; date: string };
  generatedAt: string;
  households: number;
  byKind: Record<ReviewKind, number>;
  villages: { code: string; name: string; townshipName: string; households: number; items: ReviewItem[] }[];
}

export interface AssessmentReport {
  region: ReportRegion;
  year: number;
  quarter: number;
  generatedAt: string;
  rules: AssessmentRules;
  rulesSetFor: string | null;
  referenceLabel: string;
  reference: Partial<Record<AssessmentIndicator, number | null>>;
  scores: RegionScore[];
}

export interface AssessmentRulesState {
  region: ReportRegion;
  rules: AssessmentRules;
  setFor: { code: string; name: string } | null;
  own: boolean;
  version: number;
  defaults: AssessmentRules;
}

/** What a report is asked for: the region and its period, as they appear in the URL of the print page. */
export interface ReportParams {
  region: string;
  month: string;
  date: string;
  year: number;
  quarter: number;
}
