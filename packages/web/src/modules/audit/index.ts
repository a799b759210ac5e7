export { AuditScreen } from './components/AuditScreen';
export { useAuditActionLabel } from './hooks/useAuditActionLabel';
