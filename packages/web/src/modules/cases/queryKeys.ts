import type { CaseListState, NoticeKind } from './types';

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (state: CaseListState, region: string) => ['cases', 'list', region, state] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  notices: (villageCode: string, kind: NoticeKind) => ['cases', 'notices', villageCode, kind] as const,
  householdTimeline: (householdId: string) => ['cases', 'timeline', householdId] as const,
};
