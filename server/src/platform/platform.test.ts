import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-app';
import { buildUser } from '../test/factories';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { ConfigError, loadConfig } from '../config';
import { installAuthentication } from './authentication';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('answers liveness and readiness with the database kind and no pending migrations', async () => {
    expect((await t.anonymous().get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.anonymous().get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind, pendingMigrations: [] });
  });

  it('exposes Prometheus metrics with per-route request counts, latencies and the DB pool', async () => {
    await t.anonymous().get('/healthz');
    const metrics = await t.anonymous().get('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('db_pool_connections{state="total"}');
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });

  it('publishes OpenAPI 3 with request and response schemas for every API route', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>; requestBody?: { content: Record<string, { schema?: unknown }> } };
    const paths = doc.paths as Record<string, Record<string, Operation>>;
    const operations = Object.entries(paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, op]) => ({ route, method, op })));
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const { route, method, op } of operations) {
      const success = Object.keys(op.responses ?? {}).filter((code) => code.startsWith('2'));
      expect(success, `${method} ${route} documents a success response`).not.toHaveLength(0);
      for (const content of Object.values(op.requestBody?.content ?? {})) expect(content.schema, `${method} ${route} body schema`).toBeDefined();
    }
    for (const [route, method] of [['/api/orgs', 'post'], ['/api/users', 'post'], ['/api/auth/password', 'put'], ['/api/subjects/{id}/plan', 'post']] as const) {
      expect(paths[route]?.[method]?.requestBody?.content['application/json']?.schema, `${method} ${route}`).toBeDefined();
    }
    const errorResponse = paths['/api/orgs']?.post?.responses?.['422']?.content?.['application/json']?.schema;
    expect(errorResponse, 'error responses are documented').toBeDefined();
    expect((await t.anonymous().get('/api/docs/')).statusCode).toBe(200);
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const response = await t.anonymous().withLang('en').get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'route.not_found', message: 'No such endpoint', details: [] });
  });

  it('answers a malformed JSON body with 400 and no stack trace', async () => {
    const response = await t.server.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.malformed');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('hides internal errors behind a generic 500 with the request id header', async () => {
    const user = await buildUser(t.database.db, { grants: [{ role: 'sysadmin' }] });
    const client = await t.login(user.username);
    const original = t.services.orgs.list.bind(t.services.orgs);
    t.services.orgs.list = async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/x.ts:12');
    };
    try {
      const response = await client.get('/api/orgs');
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ code: 'internal', message: '服务器内部错误，请稍后重试', details: [] });
      expect(response.headers['x-request-id']).toBeTruthy();
    } finally {
      t.services.orgs.list = original;
    }
  });

  it('refuses to register an API route that declares no access rule', async () => {
    const bare = Fastify({ logger: false });
    await bare.register(cookie);
    installAuthentication(bare, t.services.auth);
    expect(() => bare.get('/api/undeclared', async () => ({}))).toThrow(/declares no access/);
    bare.get('/api/declared', { config: { access: 'public' } }, async () => ({}));
    await bare.close();
  });
});

describe('configuration', () => {
  it('applies documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true, publicUrl: 'http://localhost:3000' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
  });

  it('lists every invalid variable at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'maybe', LOG_LEVEL: 'loud', ADMIN_PASSWORD: 'short' });
    } catch (error) {
      problems = error instanceof ConfigError ? error.problems : [];
    }
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'ADMIN_PASSWORD', 'DEMO']);
  });
});
