import { LoginScreen } from '../modules/auth';

export function LoginPage() {
  return <LoginScreen />;
}
