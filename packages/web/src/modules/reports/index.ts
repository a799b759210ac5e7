export { ReportsScreen } from './components/ReportsScreen';
export { ReportPrintScreen } from './components/ReportPrintScreen';
export { REPORTS_PATH } from './reportParams';
