import { describe, expect, it } from 'vitest';
import { MENU, menuKeyForPath } from './menuConfig';

describe('menuKeyForPath', () => {
  it('matches the home entry only on the root path', () => {
    expect(menuKeyForPath('/')).toBe('home');
    expect(menuKeyForPath('/unknown')).toBeUndefined();
  });

  it('matches nested paths by prefix, never by partial segment', () => {
    expect(menuKeyForPath('/admin/users')).toBe('users');
    expect(menuKeyForPath('/admin/users/42')).toBe('users');
    expect(menuKeyForPath('/admin/usersx')).toBeUndefined();
  });

  it('has unique keys', () => {
    expect(new Set(MENU.map((entry) => entry.key)).size).toBe(MENU.length);
  });
});
