export { DepartmentScreen } from './components/DepartmentScreen';
export { FalsePositiveAction } from './components/FalsePositiveAction';
export { DEPARTMENT_PATH } from './paths';
export { formatRate, isDepartmentWarning } from './departmentLabels';
