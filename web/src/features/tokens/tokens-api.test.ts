import { describe, expect, it } from 'vitest';
import { tokenState, type ApiToken } from './tokens-api';

const token: ApiToken = {
  id: 't1',
  name: 'sync',
  prefix: 'hjt_abc',
  readOnly: true,
  expiresAt: '2026-12-01T00:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  createdAt: '2026-11-01T00:00:00Z',
};

describe('tokenState', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  it('is active until it expires', () => {
    expect(tokenState(token, now)).toBe('active');
    expect(tokenState(token, new Date('2026-12-01T00:00:00Z'))).toBe('expired');
  });

  it('is revoked once revoked, even before expiry', () => {
    expect(tokenState({ ...token, revokedAt: '2026-11-20T00:00:00Z' }, now)).toBe('revoked');
  });
});
