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

  it('keeps a household page under the household list entry', () => {
    expect(menuKeyForPath('/registry/households')).toBe('households');
    expect(menuKeyForPath('/registry/households/0b7c6d8e-1f2a-4b3c-8d9e-0a1b2c3d4e5f')).toBe('households');
    expect(menuKeyForPath('/registry/import')).toBe('import');
  });

  it('has the monitoring areas', () => {
    expect(menuKeyForPath('/monitoring/warnings')).toBe('warnings');
    expect(menuKeyForPath('/monitoring/lines')).toBe('lines');
  });

  it('keeps a case page and the notice sheet under 案件办理', () => {
    expect(menuKeyForPath('/cases')).toBe('cases');
    expect(menuKeyForPath('/cases/0b7c6d8e-1f2a-4b3c-8d9e-0a1b2c3d4e5f')).toBe('cases');
    expect(menuKeyForPath('/cases/notices')).toBe('cases');
  });

  it('has unique keys', () => {
    expect(new Set(MENU.map((entry) => entry.key)).size).toBe(MENU.length);
  });
});
