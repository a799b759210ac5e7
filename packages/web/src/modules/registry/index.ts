export { HouseholdScreen } from './components/HouseholdScreen';
export { HouseholdsScreen } from './components/HouseholdsScreen';
export { enumLabel, enumOptions } from './enumLabels';
export { HOUSEHOLDS_PATH, IMPORT_PATH, householdPath } from './paths';
export { registryKeys } from './queryKeys';
