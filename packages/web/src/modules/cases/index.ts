export { CaseNoticeScreen } from './components/CaseNoticeScreen';
export { CaseScreen } from './components/CaseScreen';
export { CasesScreen } from './components/CasesScreen';
export { HouseholdLeadButton } from './components/HouseholdLeadButton';
export { HouseholdTimelineCard } from './components/HouseholdTimelineCard';
export { WarningLeadButton } from './components/WarningLeadButton';
export { useCanOpenLead } from './hooks/useCanOpenLead';
export { CASE_NOTICES_PATH, CASES_PATH, caseNoticePath, casePath } from './paths';
export { caseKeys } from './queryKeys';
