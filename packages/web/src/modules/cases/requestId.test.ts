import { describe, expect, it } from 'vitest';
import { newUuid } from './requestId';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('uses randomUUID where the browser offers it', () => {
    expect(newUuid()).toMatch(UUID_V4);
  });

  it('falls back to getRandomValues outside secure contexts (plain http on an intranet)', () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const ids = new Set(Array.from({ length: 50 }, () => newUuid(insecure)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    const zeros = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => array };
    expect(newUuid(zeros)).toBe('00000000-0000-4000-8000-000000000000');
  });
});
