export { TargetsScreen } from './components/TargetsScreen';
export { targetKeys } from './queryKeys';
