import { http, isApiError, setCsrfToken } from '../../api';
import type { SessionResponse, User } from '../types';

export interface LoginInput {
  username: string;
  password: string;
}

export interface ChangePasswordInput {
  oldPassword: string;
  newPassword: string;
}

/** The signed-in user, or null when there is no session (401 is an answer here, not a failure). */
export async function fetchCurrentUser(): Promise<User | null> {
  try {
    const session = await http.get<SessionResponse>('/api/auth/me', { redirectOn401: false });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function login(input: LoginInput): Promise<User> {
  const session = await http.post<SessionResponse>('/api/auth/login', input, { redirectOn401: false });
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await http.post<{ ok: true }>('/api/auth/logout', undefined, { redirectOn401: false });
  } finally {
    // The session is gone either way (or already was); the next write must fetch a fresh token.
    setCsrfToken(null);
  }
}

export function changePassword(input: ChangePasswordInput): Promise<{ ok: true }> {
  return http.post<{ ok: true }>('/api/auth/password', input);
}
