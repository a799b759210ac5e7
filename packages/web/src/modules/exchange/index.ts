export { ExchangeScreen } from './components/ExchangeScreen';
