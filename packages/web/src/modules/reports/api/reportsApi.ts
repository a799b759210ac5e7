import { http } from '../../api';
import type { AssessmentRules } from '@zengshou/core';
import type { AssessmentReport, AssessmentRulesState, DispatchReport, TownshipReview } from '../types';

export function fetchDispatch(region: string, month: string): Promise<DispatchReport> {
  return http.get('/api/reports/dispatch', { query: { region, month } });
}

export function fetchTownshipReview(region: string, date: string): Promise<TownshipReview> {
  return http.get('/api/reports/township-review', { query: { region, date } });
}

export function fetchAssessment(region: string, year: number, quarter: number): Promise<AssessmentReport> {
  return http.get('/api/reports/assessment', { query: { region, year, quarter } });
}

export function fetchAssessmentRules(region: string): Promise<AssessmentRulesState> {
  return http.get('/api/reports/assessment/rules', { query: { region } });
}

/** 409 `version_conflict` when someone saved in between; rules null = use the parent's or the defaults again. */
export function saveAssessmentRules(body: { version: number; region: string; rules: AssessmentRules | null }): Promise<AssessmentRulesState> {
  return http.put('/api/reports/assessment/rules', body);
}
