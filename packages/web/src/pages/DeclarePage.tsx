import { DeclareScreen } from '../modules/declarations';

/** Public: no sign-in (reached from the village's printed QR code). */
export function DeclarePage() {
  return <DeclareScreen />;
}
