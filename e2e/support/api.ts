import { writeFileSync } from 'node:fs';
import { inject } from 'vitest';
import { baseURL, demoPassword } from './browser.ts';

/**
 * A signed-in API session for the parts of a journey that are set-up, not the subject of the test (creating a
 * household, moving a second case along). It speaks to the server exactly as the web app does: session cookie plus
 * the CSRF token in a header.
 */
export class ApiSession {
  private cookies = new Map<string, string>();
  private csrf = '';
  user: { regionCode: string; displayName: string } | null = null;

  static async login(username: string, password = demoPassword()): Promise<ApiSession> {
    const s = new ApiSession();
    const csrf = await s.call('GET', '/api/auth/csrf');
    s.csrf = csrf.csrfToken;
    const res = await s.call('POST', '/api/auth/login', { username, password });
    s.csrf = res.csrfToken;
    s.user = res.user;
    return s;
  }

  async call<T = any>(method: string, url: string, body?: unknown, expectStatus?: number): Promise<T> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${baseURL()}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const text = await res.text();
    if (expectStatus !== undefined ? res.status !== expectStatus : res.status >= 400) {
      throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : null) as T;
  }
  get<T = any>(url: string) {
    return this.call<T>('GET', url);
  }
  post<T = any>(url: string, body: unknown = {}) {
    return this.call<T>('POST', url, body);
  }
}

/** Moves the server's clock this many days ahead of real time (0 = real time). */
export function setClockOffsetDays(days: number) {
  writeFileSync(inject('clockOffsetFile'), String(days));
}

/** Today on the China calendar, as the server sees it with the clock moved `offsetDays` ahead. */
export function serverToday(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
