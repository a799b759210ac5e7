import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { translate } from '../i18n';
import { isApiError } from './ApiError';
import { notifyError } from './errorNotifier';

declare module '@tanstack/react-query' {
  interface Register {
    /** `handlesErrors: true` — the component shows the error itself (inline alert, conflict panel). */
    mutationMeta: { handlesErrors?: boolean };
    queryMeta: { handlesErrors?: boolean };
  }
}

function messageOf(error: unknown): string | null {
  if (isApiError(error)) return error.status === 401 ? null : error.message;
  return translate('error.unexpected');
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const text = query.meta?.handlesErrors ? null : messageOf(error);
        if (text) notifyError(text);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        const text = mutation.meta?.handlesErrors ? null : messageOf(error);
        if (text) notifyError(text);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not fix themselves; only transport and server errors deserve a retry.
        retry: (failureCount, error) =>
          failureCount < 1 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
