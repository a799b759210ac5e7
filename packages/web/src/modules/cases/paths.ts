import type { NoticeKind } from './types';

export const CASES_PATH = '/cases';
export const CASE_NOTICES_PATH = '/cases/notices';
export const casePath = (id: string) => `${CASES_PATH}/${encodeURIComponent(id)}`;
export const caseNoticePath = (villageCode: string, kind: NoticeKind) =>
  `${CASE_NOTICES_PATH}?${new URLSearchParams({ village: villageCode, kind }).toString()}`;
