import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders, AppRoutes, createQueryClient } from '../app';
import type { Me } from '../features/auth/auth-types';

export interface FakeResponse {
  status?: number;
  body?: unknown;
}

export type FakeRoutes = Record<string, FakeResponse | ((init: RequestInit, url: URL) => FakeResponse)>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Replaces fetch with a table of "METHOD /path" → response; records every request. */
export function fakeApi(routes: FakeRoutes) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    requests.push({ method, path: url.pathname + url.search, headers, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const route = routes[`${method} ${url.pathname}`];
    const result = typeof route === 'function' ? route(init, url) : (route ?? { status: 404, body: { code: 'route.not_found', message: 'No such endpoint', details: [] } });
    const status = result.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(result.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export const UNAUTHENTICATED: FakeResponse = {
  status: 401,
  body: { code: 'auth.unauthenticated', message: '请先登录', details: [] },
};

/** A session like GET /api/auth/me returns; override what the test is about. */
export function fakeMe(overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: 'u-admin',
      username: 'admin',
      email: 'admin@example.cn',
      displayName: '系统管理员',
      phone: null,
      orcid: null,
      orgId: null,
      locale: 'zh-CN',
      status: 'active',
      createdAt: '2026-11-27T12:00:00.000Z',
    },
    grants: [{ id: 'g1', role: 'sysadmin', scopeType: 'platform', scopeId: null, scopeName: null }],
    capabilities: { manageOrgs: true, listUsers: true, readAudit: true },
    csrfToken: 'csrf-123',
    via: 'session',
    ...overrides,
  };
}

/** Renders the whole app at a path, with a fresh query cache. */
export function renderApp(path: string) {
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}
