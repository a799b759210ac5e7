import { DeclarationStatusScreen } from '../modules/declarations';

/** Public: no sign-in. */
export function DeclarationStatusPage() {
  return <DeclarationStatusScreen />;
}
