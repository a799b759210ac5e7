import type { ReactNode } from 'react';
import { ForbiddenResult } from '../../ui';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { hasAnyPermission } from '../permissions';
import type { Permission } from '../types';

/** Shows 403 instead of the page; the server still refuses the data on its own. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const { user } = useCurrentUser();
  return hasAnyPermission(user, anyOf) ? children : <ForbiddenResult />;
}
