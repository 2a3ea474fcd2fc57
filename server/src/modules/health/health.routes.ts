import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { migrationStatus } from '../../db/migrator';

const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  database: Type.String(),
  pendingMigrations: Type.Array(Type.String()),
});

export async function healthRoutes(fastify: FastifyInstance, { database }: { database: Database }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Readiness: database reachable and migrations current', response: { 200: Readiness, 503: Readiness } },
  }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(database.db);
      const { pending } = await migrationStatus(database.db);
      const body = { status: pending.length === 0 ? 'ready' as const : 'not_ready' as const, database: database.kind, pendingMigrations: pending };
      return reply.status(pending.length === 0 ? 200 : 503).send(body);
    } catch {
      return reply.status(503).send({ status: 'not_ready' as const, database: database.kind, pendingMigrations: [] });
    }
  });
}
