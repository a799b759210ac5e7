export { DeclareScreen } from './components/DeclareScreen';
export { DeclarationStatusScreen } from './components/DeclarationStatusScreen';
export { DeclarationsScreen } from './components/DeclarationsScreen';
export { DECLARATIONS_PATH, DECLARE_PATH, DECLARE_STATUS_PATH } from './paths';
