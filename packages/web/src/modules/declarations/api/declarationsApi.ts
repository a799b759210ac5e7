import { http } from '../../api';
import type { DeclarationInput, DeclarationStatus } from '@zengshou/core';
import type { DeclarationItem, DeclarationList, DeclarationReceipt, DeclarationStageAnswer, PublicRegion } from '../types';

// Public: no session. http.post fetches the CSRF token (double-submit cookie) before the first write.
export function submitDeclaration(body: DeclarationInput): Promise<DeclarationReceipt> {
  return http.post('/api/public/declarations', body, { redirectOn401: false });
}

export function lookupDeclaration(receiptCode: string, idLast4: string): Promise<DeclarationStageAnswer> {
  return http.get('/api/public/declarations/status', { query: { receiptCode, idLast4 }, redirectOn401: false });
}

export function publicRegions(parent: string | null): Promise<{ items: PublicRegion[] }> {
  return http.get('/api/public/villages', { query: { parent }, redirectOn401: false });
}

export function publicVillagePath(code: string): Promise<{ code: string; path: PublicRegion[] }> {
  return http.get(`/api/public/villages/${encodeURIComponent(code)}`, { redirectOn401: false });
}

// The village's side.
export function listDeclarations(q: { region: string; status?: DeclarationStatus | undefined; page: number; pageSize: number }): Promise<DeclarationList> {
  return http.get('/api/declarations', { query: q });
}

export function linkDeclaration(id: string, householdId: string): Promise<DeclarationItem> {
  return http.post(`/api/declarations/${encodeURIComponent(id)}/link`, { householdId });
}

export function closeDeclaration(id: string, reason: string): Promise<DeclarationItem> {
  return http.post(`/api/declarations/${encodeURIComponent(id)}/close`, { reason });
}

export const declarationQrUrl = (village: string) => `/api/declarations/qr?village=${encodeURIComponent(village)}`;
