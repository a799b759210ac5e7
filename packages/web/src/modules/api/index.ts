export { http, setCsrfToken, setUnauthorizedHandler } from './http';
export type { QueryParams, RequestOptions } from './http';
export { ApiError, isApiError } from './ApiError';
export { notifyError, setErrorNotifier } from './errorNotifier';
export { createQueryClient } from './queryClient';
export { downloadFile } from './download';
