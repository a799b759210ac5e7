import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient, notifyError, setUnauthorizedHandler } from './modules/api';
import { authKeys } from './modules/auth';
import { LocalizedConfigProvider, translate } from './modules/i18n';
import { ErrorNotifierBridge } from './modules/ui';
import { createRouter } from './pages/router';

const queryClient = createQueryClient();
const router = createRouter();

// Any 401 means the session is gone: forget the user and the session gate sends the browser to /login.
setUnauthorizedHandler(() => {
  const wasSignedIn = Boolean(queryClient.getQueryData(authKeys.me));
  queryClient.setQueryData(authKeys.me, null);
  if (wasSignedIn) notifyError(translate('error.sessionExpired'));
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedConfigProvider>
        <ErrorNotifierBridge />
        <RouterProvider router={router} />
      </LocalizedConfigProvider>
    </QueryClientProvider>
  );
}
