import { RatingSchema } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { badField } from '../../../http-error.js';
import { checkIdempotencyKey, fingerprintOf, writeOnce } from '../../../idempotency.js';
import { errorResponse, jsonBody, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import { parseOrThrow } from '../../../validation.js';
import { findOrgOrThrow } from '../../find-org.js';
import { PUBLIC_BODY_LIMIT } from './limits.js';

export const paths: OpenApiPaths = {
  '/v1/orgs/{org}/ratings': {
    post: {
      operationId: 'submitRating',
      summary: 'Record one satisfaction rating; idempotent on its id',
      tags: ['public'],
      parameters: [
        pathParameter('org', 'Organisation id'),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'When sent, must equal the rating id',
          schema: { type: 'string' },
        },
      ],
      requestBody: jsonBody('Rating'),
      responses: {
        201: jsonResponse('Recorded', schemaRef('Receipt')),
        200: jsonResponse('Already recorded with this very body: the first receipt', schemaRef('Receipt')),
        400: errorResponse('Invalid body, unknown service, or Idempotency-Key not matching the id'),
        404: errorResponse('Unknown organisation'),
        413: errorResponse('Body over 16 KiB'),
        415: errorResponse('Body not sent as application/json'),
        422: errorResponse('This id was already used with a different body'),
      },
    },
  },
};

export default async function ratingRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { org: string } }>('/:org/ratings', { bodyLimit: PUBLIC_BODY_LIMIT }, async (request, reply) => {
    const org = await findOrgOrThrow(app, request.params.org);
    const rating = parseOrThrow(RatingSchema, request.body, 'body');
    checkIdempotencyKey(request.headers['idempotency-key'], rating.id);
    const bodyHash = fingerprintOf({ org: org.id, rating });

    const { status, receipt } = await writeOnce({
      bodyHash,
      find: () => app.storage.ratings.findSubmission(rating.id),
      checkNew() {
        if (!org.services.some((service) => service.id === rating.service)) {
          throw badField('unknown-service', 'service', `"${rating.service}" is not a service of ${org.id}`);
        }
      },
      insert: () => app.storage.ratings.insert(org.id, rating, bodyHash),
    });
    return reply.code(status).send(receipt);
  });
}
