export { HouseholdWarningsCard } from './components/HouseholdWarningsCard';
export { LinesScreen } from './components/LinesScreen';
export { WarningsScreen } from './components/WarningsScreen';
export { LINES_PATH, WARNINGS_PATH } from './paths';
export { monitoringKeys } from './queryKeys';
export { warningRuleTitle } from './monitoringLabels';
