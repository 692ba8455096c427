import { IdeaSupportSchema, type IdeaSupportReceipt } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import { errorResponse, jsonBody, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import { parseOrThrow } from '../../../validation.js';
import { PUBLIC_BODY_LIMIT } from '../orgs/limits.js';
import { consultationParameter } from './consultation.js';
import { findConsultationOrThrow } from './find-consultation.js';
import { checkIdeasOpen } from './ideas.js';

export const ideaParameter = pathParameter('ideaId', 'Idea id');

export const paths: OpenApiPaths = {
  '/v1/consultations/{id}/ideas/{ideaId}/supports': {
    post: {
      operationId: 'supportIdea',
      summary: 'Add a participant’s support to a published idea; one support per participant and idea',
      description: 'A participant may support their own idea. A support cannot be withdrawn.',
      tags: ['public'],
      parameters: [consultationParameter, ideaParameter],
      requestBody: jsonBody('IdeaSupport'),
      responses: {
        201: jsonResponse('Counted: the idea’s new total', schemaRef('IdeaSupportReceipt')),
        400: errorResponse('Invalid body'),
        404: errorResponse('unknown-consultation, or unknown-idea (none of this id in this consultation)'),
        409: errorResponse('already-supported, not-published, ideas-disabled, not-open or closed'),
        413: errorResponse('Body over 16 KiB'),
        415: errorResponse('Body not sent as application/json'),
      },
    },
  },
};

export default async function ideaSupportRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { id: string; ideaId: string } }>('/:id/ideas/:ideaId/supports', { bodyLimit: PUBLIC_BODY_LIMIT }, async (request, reply) => {
    const consultation = await findConsultationOrThrow(app, request.params.id);
    const { participant } = parseOrThrow(IdeaSupportSchema, request.body, 'body');
    checkIdeasOpen(consultation);
    const { ideaId } = request.params;
    const outcome = await app.storage.consultationIdeas.support(consultation.definition.id, ideaId, participant);
    switch (outcome) {
      case 'unknown-idea':
        throw new HttpError(404, 'unknown-idea', `This consultation has no idea "${ideaId}".`);
      case 'not-published':
        throw new HttpError(409, 'not-published', 'This idea is not published: it cannot be supported.');
      case 'already-supported':
        throw new HttpError(409, 'already-supported', 'This participant already supports this idea.');
    }
    const receipt: IdeaSupportReceipt = { idea: ideaId, supports: outcome.supports };
    return reply.code(201).send(receipt);
  });
}
