import { describe, expect, it } from 'vitest';
import { fakeMe } from '../test/render-app';
import { activeNavPath, visibleNavItems } from './nav-items';

describe('navigation', () => {
  it('shows users and audit only to those who may list users / read the audit log', () => {
    const member = fakeMe({ grants: [], capabilities: { manageOrgs: false, listUsers: false, readAudit: false } });
    expect(visibleNavItems(member).map((i) => i.path)).toEqual(['/', '/standards', '/orgs', '/account']);
    expect(visibleNavItems(fakeMe()).map((i) => i.path)).toEqual(['/', '/subjects', '/standards', '/orgs', '/users', '/audit', '/account']);
  });

  it('highlights the entry a location belongs to', () => {
    expect(activeNavPath('/')).toBe('/');
    expect(activeNavPath('/orgs')).toBe('/orgs');
    expect(activeNavPath('/users/123')).toBe('/users');
    expect(activeNavPath('/nowhere')).toBeUndefined();
  });
});
