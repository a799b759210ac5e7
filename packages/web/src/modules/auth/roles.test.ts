import { describe, expect, it } from 'vitest';
import { violatesAdminSeparation } from './roles';

describe('violatesAdminSeparation (三员分立)', () => {
  it('allows one of the three administrator roles, with or without business roles', () => {
    expect(violatesAdminSeparation(['system_admin'])).toBe(false);
    expect(violatesAdminSeparation(['audit_admin', 'viewer'])).toBe(false);
    expect(violatesAdminSeparation(['village_clerk', 'township_reviewer'])).toBe(false);
  });

  it('rejects any two of them together', () => {
    expect(violatesAdminSeparation(['system_admin', 'security_admin'])).toBe(true);
    expect(violatesAdminSeparation(['security_admin', 'audit_admin', 'viewer'])).toBe(true);
  });
});
