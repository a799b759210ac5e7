export { DashboardScreen } from './components/DashboardScreen';
export { DrillHouseholdsScreen } from './components/DrillHouseholdsScreen';
