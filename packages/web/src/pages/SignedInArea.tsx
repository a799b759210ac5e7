import { RequireAuth } from '../modules/auth';
import { AppLayout } from '../modules/layout';

/** Everything except the login page sits behind the session gate and inside the main layout. */
export function SignedInArea() {
  return (
    <RequireAuth>
      <AppLayout />
    </RequireAuth>
  );
}
