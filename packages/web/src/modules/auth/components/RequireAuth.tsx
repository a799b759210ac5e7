import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin, LoadErrorResult } from '../../ui';
import { useI18n } from '../../i18n';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../paths';

export interface LoginRedirectState {
  from?: string;
}

/** Gate for every signed-in page; a user who must change the password is held on that page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, isLoading, error, refetch } = useCurrentUser();
  const location = useLocation();
  const { t } = useI18n();

  if (isLoading) return <FullPageSpin tip={t('common.loading')} />;
  if (error && !user) return <LoadErrorResult message={error.message} onRetry={() => void refetch()} />;
  if (!user) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}
