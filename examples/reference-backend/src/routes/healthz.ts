import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { HttpError } from '../http-error.js';
import { errorResponse, jsonResponse, type OpenApiPaths } from '../openapi/document.js';

export const paths: OpenApiPaths = {
  '/healthz': {
    get: {
      operationId: 'health',
      summary: 'Liveness and database check, for load balancers and monitoring',
      responses: {
        200: jsonResponse('Up, and the database answers', {
          type: 'object',
          properties: { status: { const: 'ok' } },
          required: ['status'],
        }),
        503: errorResponse('The database does not answer'),
      },
    },
  },
};

export default async function healthzRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async (request) => {
    try {
      await sql`select 1`.execute(app.storage.db);
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      throw new HttpError(503, 'unavailable', 'The database does not answer.');
    }
    return { status: 'ok' };
  });
}
