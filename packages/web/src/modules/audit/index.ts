export { AuditScreen } from './components/AuditScreen';
