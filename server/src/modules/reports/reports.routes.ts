import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

export async function reportRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  void fastify;
  void services;
}
