import { IdeaSubmissionSchema, PARTICIPANT_MAX_LENGTH, type IdeaStatus } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { HttpError } from '../../../http-error.js';
import { checkIdempotencyKey, fingerprintOf, writeOnce } from '../../../idempotency.js';
import { errorResponse, jsonBody, jsonResponse, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import type { StoredConsultation } from '../../../storage/consultations.js';
import { parseOrThrow } from '../../../validation.js';
import { checkOpenOrThrow } from '../check-open.js';
import { PUBLIC_BODY_LIMIT } from '../orgs/limits.js';
import { consultationParameter } from './consultation.js';
import { findConsultationOrThrow } from './find-consultation.js';

/**
 * How many ideas one participant may post to one consultation. Far above what a citizen writes,
 * low enough that a script reusing one participant id cannot flood the moderators' queue.
 */
export const IDEAS_PER_PARTICIPANT = 20;

const ListQuerySchema = z.object({
  participant: z.string().min(1).max(PARTICIPANT_MAX_LENGTH).optional(),
});

export const paths: OpenApiPaths = {
  '/v1/consultations/{id}/ideas': {
    get: {
      operationId: 'listIdeas',
      summary: 'The published ideas, most supported first, then newest',
      description:
        'With `participant`: that participant’s own pending and rejected ideas come first (with `rejectionReason`), ' +
        'and every idea says whether they support it (`supported`). An idea never shows who wrote it.',
      tags: ['public'],
      parameters: [
        consultationParameter,
        { name: 'participant', in: 'query', required: false, description: 'The participant the element acts as', schema: { type: 'string', maxLength: PARTICIPANT_MAX_LENGTH } },
      ],
      responses: {
        200: jsonResponse('The ideas', { type: 'array', items: schemaRef('Idea') }),
        400: errorResponse('Invalid participant'),
        404: errorResponse('Unknown consultation'),
        409: errorResponse('ideas-disabled: this consultation takes no ideas'),
      },
    },
    post: {
      operationId: 'submitIdea',
      summary: 'Propose an idea; idempotent on its id. Pending under pre-moderation, published at once under post-moderation',
      tags: ['public'],
      parameters: [
        consultationParameter,
        { name: 'Idempotency-Key', in: 'header', required: false, description: 'When sent, must equal the idea id', schema: { type: 'string' } },
      ],
      requestBody: jsonBody('IdeaSubmission'),
      responses: {
        201: jsonResponse('Recorded', schemaRef('Idea')),
        200: jsonResponse('Already recorded with this very body: the idea as it is now', schemaRef('Idea')),
        400: errorResponse('Invalid body (each field named)'),
        404: errorResponse('Unknown consultation'),
        409: errorResponse(
          `ideas-disabled, not-open, closed, too-many-ideas (${IDEAS_PER_PARTICIPANT} per participant and consultation), or definition-changed`,
        ),
        413: errorResponse('Body over 16 KiB'),
        415: errorResponse('Body not sent as application/json'),
        422: errorResponse('This id was already used with a different body'),
      },
    },
  },
};

export default async function ideaRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/:id/ideas', async (request) => {
    const consultation = await findConsultationOrThrow(app, request.params.id);
    checkIdeasEnabled(consultation);
    const { participant } = parseOrThrow(ListQuerySchema, request.query, 'query');
    return app.storage.consultationIdeas.listPublic(consultation.definition.id, participant);
  });

  app.post<{ Params: { id: string } }>('/:id/ideas', { bodyLimit: PUBLIC_BODY_LIMIT }, async (request, reply) => {
    const consultation = await findConsultationOrThrow(app, request.params.id);
    const submission = parseOrThrow(IdeaSubmissionSchema, request.body, 'body');
    checkIdempotencyKey(request.headers['idempotency-key'], submission.id);
    const bodyHash = fingerprintOf({ consultation: consultation.definition.id, idea: submission });
    const status: IdeaStatus = consultation.definition.ideas.moderation === 'post' ? 'published' : 'pending';

    const { status: code, receipt } = await writeOnce({
      bodyHash,
      find: () => app.storage.consultationIdeas.findSubmission(submission.id),
      // Only for a first write: a retry of an accepted idea still gets it back after the close.
      checkNew: () => checkIdeasOpen(consultation),
      async insert() {
        const outcome = await app.storage.consultationIdeas.insert(consultation, submission, status, bodyHash, IDEAS_PER_PARTICIPANT);
        if (outcome === 'id-taken') return undefined;
        if (outcome === 'too-many') {
          throw new HttpError(
            409,
            'too-many-ideas',
            `A participant may propose at most ${IDEAS_PER_PARTICIPANT} ideas to one consultation.`,
          );
        }
        if (outcome === 'changed') {
          throw new HttpError(409, 'definition-changed', 'The consultation was changed while this idea was sent; reload it.');
        }
        return outcome.stored;
      },
    });
    return reply.code(code).send(receipt);
  });
}

export function checkIdeasEnabled({ definition }: StoredConsultation): void {
  if (!definition.ideas.enabled) throw new HttpError(409, 'ideas-disabled', 'This consultation does not take ideas.');
}

/** Ideas are proposed and supported only while the consultation is open and takes them. */
export function checkIdeasOpen(consultation: StoredConsultation): void {
  checkIdeasEnabled(consultation);
  checkOpenOrThrow(consultation.definition, 'consultation');
}
