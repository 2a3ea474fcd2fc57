import { describe, expect, it } from 'vitest';
import { fakeMe } from '../test/render-app';
import { activeNavPath, visibleNavItems } from './nav-items';

describe('navigation', () => {
  it('shows users and audit only to those who may list users / read the audit log', () => {
    const member = fakeMe({ grants: [], capabilities: { manageOrgs: false, listUsers: false, readAudit: false } });
    expect(visibleNavItems(member).map((i) => i.path)).toEqual(['/', '/search', '/applications', '/standards', '/orgs', '/account']);
    expect(visibleNavItems(fakeMe()).map((i) => i.path)).toEqual(['/', '/subjects', '/supervision', '/evaluation', '/search', '/applications', '/reuse', '/reports', '/standards', '/orgs', '/users', '/audit', '/account']);
  });

  it('shows the access requests inbox to PIs and platform admins, the providers of resources', () => {
    const withRole = (role: 'pi' | 'platform_admin' | 'unit_admin') =>
      visibleNavItems(fakeMe({ grants: [{ id: 'g', role, scopeType: role === 'pi' ? 'subject' : 'organisation', scopeId: 'x', scopeName: null }] })).map((i) => i.path);
    expect(withRole('pi')).toContain('/applications/inbox');
    expect(withRole('platform_admin')).toContain('/applications/inbox');
    expect(withRole('unit_admin')).not.toContain('/applications/inbox');
    expect(activeNavPath('/applications/inbox')).toBe('/applications/inbox');
    expect(activeNavPath('/applications')).toBe('/applications');
  });

  it('highlights the entry a location belongs to', () => {
    expect(activeNavPath('/')).toBe('/');
    expect(activeNavPath('/orgs')).toBe('/orgs');
    expect(activeNavPath('/users/123')).toBe('/users');
    expect(activeNavPath('/nowhere')).toBeUndefined();
  });
});
