export { FocusLedgerScreen } from './components/FocusLedgerScreen';
export { FOCUS_PATH } from './paths';
export { focusKeys } from './queryKeys';
