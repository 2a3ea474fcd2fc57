import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import type { Database } from '../db/database';
import type { Services } from '../services';
import { createTestDatabase } from './test-database';

export const TEST_PASSWORD = 'Test-password-2026';

/** An app over a fresh database, with helpers to act as a logged-in user. */
export interface TestApp {
  server: FastifyInstance;
  services: Services;
  database: Database;
  config: Config;
  login(login: string, password?: string): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A client holding a session cookie (and its CSRF token) or a Bearer token. */
export class TestClient {
  constructor(
    private readonly server: FastifyInstance,
    readonly auth: { cookie?: string; csrf?: string; bearer?: string } = {},
    private readonly lang = 'zh-CN',
  ) {}

  withLang(lang: string): TestClient {
    return new TestClient(this.server, this.auth, lang);
  }

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const all: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.auth.cookie) all.cookie = this.auth.cookie;
    if (this.auth.csrf && method !== 'GET' && !('x-csrf-token' in headers)) all['x-csrf-token'] = this.auth.csrf;
    if (this.auth.bearer) all.authorization = `Bearer ${this.auth.bearer}`;
    return this.server.inject({ method, url, headers: all, ...(body === undefined ? {} : { payload: body as object }) });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/** Logs in through the API and returns a client carrying the session cookie and CSRF token. */
export async function loginAs(server: FastifyInstance, login: string, password: string): Promise<TestClient> {
  const response = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  return new TestClient(server, { cookie, csrf: me.json().csrfToken as string });
}

/** Builds the app over a fresh migrated database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function buildTestApp(env: Record<string, string> = {}, database?: Database): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-test-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, WEB_DIST: '/nonexistent-web', LOG_LEVEL: 'silent', ...env });
  const { server, services } = await buildApp({ config, database: db, logger: false });
  await server.ready();
  return {
    server,
    services,
    database: db,
    config,
    login: (login, password = TEST_PASSWORD) => loginAs(server, login, password),
    anonymous: () => new TestClient(server),
    close: async () => {
      await server.close();
      if (!database) await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
