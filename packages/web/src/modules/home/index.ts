export { HomeWelcome } from './components/HomeWelcome';
