import { translate } from '../i18n';
import { ApiError } from './ApiError';

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      /* malformed; use the plain name or the fallback */
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file answered by a GET (spreadsheets): the session cookie goes along, a refusal becomes an ApiError
 * with the server's Chinese message instead of an error page, and the file keeps the name the server gave it.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', translate('error.network'));
  }
  if (!response.ok) {
    // Not JSON (a proxy error page): fall back to a message by status.
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const message = body?.error?.message || translate('error.generic', { status: response.status });
    throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, message);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
