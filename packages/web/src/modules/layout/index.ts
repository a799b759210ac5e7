export { AppLayout } from './components/AppLayout';
export { MENU, type MenuEntry } from './menuConfig';
