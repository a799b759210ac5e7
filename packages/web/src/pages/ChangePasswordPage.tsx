import { ChangePasswordScreen } from '../modules/auth';

export function ChangePasswordPage() {
  return <ChangePasswordScreen />;
}
