import type { HouseholdCreateInput, MemberCreateInput } from '@zengshou/core';
import { http } from '../../api';
import { filterParams } from '../householdFilters';
import type { Household, HouseholdDetail, HouseholdHistoryEntry, HouseholdListState, UnmaskResult } from '../types';

const at = (id: string) => `/api/households/${encodeURIComponent(id)}`;

export function listHouseholds(state: HouseholdListState, region: string): Promise<{ items: Household[]; total: number }> {
  return http.get('/api/households', { query: { ...filterParams(state, region), page: state.page, pageSize: state.pageSize } });
}

export function getHousehold(id: string): Promise<HouseholdDetail> {
  return http.get(at(id));
}

export async function getHouseholdHistory(id: string): Promise<HouseholdHistoryEntry[]> {
  return (await http.get<{ items: HouseholdHistoryEntry[] }>(`${at(id)}/history`)).items;
}

/** Form values before the server's parsing (the flags may be left out and default to "no"). */
export type HouseholdCreateBody = Omit<HouseholdCreateInput, 'phone'> & { phone?: string | null };

export function createHousehold(input: HouseholdCreateBody): Promise<HouseholdDetail> {
  return http.post('/api/households', input);
}

export type HouseholdUpdateBody = Partial<HouseholdCreateBody> & { version: number };

export async function updateHousehold(id: string, input: HouseholdUpdateBody): Promise<Household> {
  return (await http.patch<{ household: Household }>(at(id), input)).household;
}

export function unmaskHousehold(id: string, reason: string): Promise<UnmaskResult> {
  return http.post(`${at(id)}/unmask`, { reason });
}

/** As typed in the form: the ID number is text the server checks and normalises. */
export type MemberCreateBody = Omit<MemberCreateInput, 'idNumber'> & { idNumber: string };
export type MemberUpdateBody = Partial<Omit<MemberCreateBody, 'householdId'>> & { version: number };

export function createMember(input: MemberCreateBody): Promise<{ id: string }> {
  return http.post('/api/members', input);
}

export function updateMember(id: string, input: MemberUpdateBody): Promise<{ ok: true }> {
  return http.patch(`/api/members/${encodeURIComponent(id)}`, input);
}
