import { describe, expect, it } from 'vitest';
import { GRANTABLE_ROLES, scopeKindsFor } from './grant-form';

describe('grant form rules', () => {
  it('offers every role except the subject-scoped ones (no subjects yet)', () => {
    expect(GRANTABLE_ROLES).not.toContain('pi');
    expect(GRANTABLE_ROLES).not.toContain('submitter');
    expect(GRANTABLE_ROLES).toContain('sysadmin');
    expect(GRANTABLE_ROLES).toContain('unit_admin');
  });

  it('asks for a scope of the kinds ROLE_SCOPES allows, and none for sysadmin', () => {
    expect(scopeKindsFor('sysadmin')).toBeNull();
    expect(scopeKindsFor('unit_admin')).toEqual(['unit', 'repository']);
    expect(scopeKindsFor('province_supervisor')).toEqual(['province_dept']);
    expect(scopeKindsFor(undefined)).toBeNull();
  });
});
