import { translate } from '../i18n';
import { ApiError } from './ApiError';

export { ApiError, isApiError } from './ApiError';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and "who am I" answer 401 as a normal outcome; they must not trigger the redirect. */
  redirectOn401?: boolean;
}

let csrfToken: string | null = null;
let pendingCsrf: Promise<string> | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Login and /me responses carry the token; remember it so no extra round trip is needed. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

async function csrfTokenForWrite(): Promise<string> {
  if (csrfToken) return csrfToken;
  pendingCsrf ??= send<{ csrfToken: string }>('GET', '/api/auth/csrf', { redirectOn401: false })
    .then(({ csrfToken: token }) => {
      csrfToken = token;
      return token;
    })
    .finally(() => {
      pendingCsrf = null;
    });
  return pendingCsrf;
}

function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function fallbackMessage(status: number): string {
  if (status === 401) return translate('error.unauthorized');
  if (status === 403) return translate('error.forbidden');
  if (status === 404) return translate('error.notFound');
  if (status === 429) return translate('error.tooManyRequests');
  if (status >= 500) return translate('error.server');
  return translate('error.generic', { status });
}

function errorBodyOf(payload: unknown): { code?: unknown; message?: unknown; details?: unknown } | null {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return null;
  const error = (payload as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : null;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    /* not JSON (proxy error page, empty body); fall back to a message by status */
  }
  const body = errorBodyOf(payload);
  const code = typeof body?.code === 'string' ? body.code : `http_${response.status}`;
  const message = typeof body?.message === 'string' && body.message ? body.message : fallbackMessage(response.status);
  return new ApiError(response.status, code, message, body?.details);
}

async function send<T>(method: Method, path: string, options: RequestOptions, retriedCsrf = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await csrfTokenForWrite();
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', translate('error.network'));
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const error = await toApiError(response);
  // A stale token (session rotated at login, server restarted) gets one fresh try.
  if (method !== 'GET' && error.status === 403 && error.code.includes('csrf') && !retriedCsrf) {
    csrfToken = null;
    return send<T>(method, path, options, true);
  }
  if (error.status === 401 && options.redirectOn401 !== false) unauthorizedHandler?.();
  throw error;
}

export const http = {
  get: <T>(path: string, options: Omit<RequestOptions, 'body'> = {}) => send<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options: RequestOptions = {}) => send<T>('DELETE', path, options),
  /** multipart/form-data POST (file uploads); CSRF header and the stale-token retry as for any write. */
  upload: <T>(path: string, form: FormData, options: Omit<RequestOptions, 'body'> = {}) =>
    send<T>('POST', path, { ...options, body: form }),
};
