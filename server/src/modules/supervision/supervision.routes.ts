import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

export async function supervisionRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  void fastify;
  void services;
}
