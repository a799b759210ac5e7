export { ImportScreen } from './components/ImportScreen';
