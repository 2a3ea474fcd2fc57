import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/roles';
import { visibleNavItems } from '../../components/nav-items';
import { fakeMe } from '../../test/render-app';
import type { Grant } from '../auth/auth-types';
import { canListSubjects, hasSubjectWork, isRegistryManager, reviewTiers } from './registry-access';

const grant = (role: Role, scopeType: Grant['scopeType'] = 'organisation'): Grant => ({ id: `g-${role}`, role, scopeType, scopeId: scopeType === 'platform' ? null : 'x', scopeName: null });
const meWith = (...grants: Grant[]) => fakeMe({ grants, capabilities: { manageOrgs: false, listUsers: false, readAudit: false } });
const paths = (...grants: Grant[]) => visibleNavItems(meWith(...grants)).map((item) => item.path);

describe('registry navigation by grants', () => {
  it('gives PIs and submitters "my work" and the registry, but no review queue', () => {
    expect(paths(grant('pi', 'subject'))).toEqual(expect.arrayContaining(['/my-work', '/subjects']));
    expect(paths(grant('submitter', 'subject'))).toEqual(expect.arrayContaining(['/my-work', '/subjects']));
    expect(paths(grant('pi', 'subject'))).not.toContain('/reviews');
  });

  it('gives unit and platform admins the registry and their review queue, without "my work"', () => {
    expect(paths(grant('unit_admin'))).toEqual(expect.arrayContaining(['/subjects', '/reviews']));
    expect(paths(grant('platform_admin'))).toEqual(expect.arrayContaining(['/subjects', '/reviews']));
    expect(paths(grant('unit_admin'))).not.toContain('/my-work');
    expect(reviewTiers(meWith(grant('unit_admin')))).toEqual(['unit']);
    expect(reviewTiers(meWith(grant('platform_admin'), grant('unit_admin')))).toEqual(['unit', 'platform']);
  });

  it('shows the registry read-only to province supervisors and the ministry, and nothing to plain members or experts', () => {
    expect(paths(grant('province_supervisor'))).toContain('/subjects');
    expect(paths(grant('province_supervisor'))).not.toContain('/reviews');
    expect(paths(grant('ministry_admin'))).toContain('/subjects');
    for (const grants of [[], [grant('expert')]]) {
      const visible = paths(...grants);
      expect(visible).not.toContain('/subjects');
      expect(visible).not.toContain('/my-work');
    }
    expect(paths()).not.toContain('/reviews');
    // Experts review the resources assigned to them.
    expect(paths(grant('expert'))).toContain('/reviews');
  });

  it('lets only sysadmin and ministry admins manage the registry', () => {
    expect(isRegistryManager(meWith(grant('sysadmin', 'platform')))).toBe(true);
    expect(isRegistryManager(meWith(grant('ministry_admin')))).toBe(true);
    expect(isRegistryManager(meWith(grant('unit_admin')))).toBe(false);
    expect(canListSubjects(meWith(grant('expert')))).toBe(false);
    expect(hasSubjectWork(meWith(grant('unit_admin')))).toBe(false);
  });
});
