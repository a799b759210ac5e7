import { describe, expect, it } from 'vitest';
import type { UserRow } from './types';
import { editValuesOf, isEmptyUpdate, userUpdateFrom } from './userEditDiff';

const row: UserRow = {
  id: 'u1',
  username: 'lisi',
  displayName: '李四',
  roles: ['village_clerk', 'township_reviewer'],
  regionCode: '533423100',
  regionName: '保和镇',
  status: 'locked',
  lockedUntil: '2030-01-01T00:00:00Z',
  lastLoginAt: null,
  version: 7,
};

describe('userUpdateFrom', () => {
  it('sends only the version when nothing changed, even with roles reordered', () => {
    const values = { ...editValuesOf(row), roles: ['township_reviewer', 'village_clerk'] as UserRow['roles'] };
    const input = userUpdateFrom(row, values);
    expect(input).toEqual({ version: 7 });
    expect(isEmptyUpdate(input)).toBe(true);
  });

  it('sends the changed fields with the base version and trims the name', () => {
    const input = userUpdateFrom(row, { ...editValuesOf(row), displayName: ' 李四四 ', status: 'disabled' });
    expect(input).toEqual({ version: 7, displayName: '李四四', status: 'disabled' });
  });

  it('treats a locked account as active so editing does not touch the lock', () => {
    expect(editValuesOf(row).status).toBe('active');
    expect(userUpdateFrom(row, editValuesOf(row)).status).toBeUndefined();
  });
});
