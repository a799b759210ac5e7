import { http } from '../../api';
import type { UserCreateInput, UserListParams, UserRow, UserUpdateInput } from '../types';

export function listUsers(params: UserListParams): Promise<{ items: UserRow[]; total: number }> {
  return http.get('/api/users', { query: { ...params } });
}

export async function createUser(input: UserCreateInput): Promise<UserRow> {
  return (await http.post<{ user: UserRow }>('/api/users', input)).user;
}

export async function updateUser(id: string, input: UserUpdateInput): Promise<UserRow> {
  return (await http.patch<{ user: UserRow }>(`/api/users/${encodeURIComponent(id)}`, input)).user;
}

export async function unlockUser(id: string): Promise<UserRow> {
  return (await http.post<{ user: UserRow }>(`/api/users/${encodeURIComponent(id)}/unlock`)).user;
}

export function resetUserPassword(id: string, password: string): Promise<{ ok: true }> {
  return http.post(`/api/users/${encodeURIComponent(id)}/reset-password`, { password });
}
