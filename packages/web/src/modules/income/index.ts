export { IncomeSection } from './components/IncomeSection';
export { incomeItemLabel } from './incomeLabels';
export { incomeKeys } from './queryKeys';
