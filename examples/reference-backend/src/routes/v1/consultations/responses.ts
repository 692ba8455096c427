import { answerProblems, ConsultationResponseSchema, type ConsultationResponse } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import { checkIdempotencyKey, fingerprintOf, writeOnce } from '../../../idempotency.js';
import { errorResponse, jsonBody, jsonResponse, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import type { StoredConsultation } from '../../../storage/consultations.js';
import { invalidInput, parseOrThrow } from '../../../validation.js';
import { checkOpenOrThrow } from '../check-open.js';
import { consultationParameter } from './consultation.js';
import { findConsultationOrThrow } from './find-consultation.js';

/**
 * A response carries up to 100 answers, text ones up to 2,000 characters: more than a rating's
 * 16 KiB, still far from the admin limit.
 */
const RESPONSE_BODY_LIMIT = 256 * 1024;

export const paths: OpenApiPaths = {
  '/v1/consultations/{id}/responses': {
    post: {
      operationId: 'submitConsultationResponse',
      summary: "Record a participant's answers; idempotent on the response id, one response per participant",
      tags: ['public'],
      parameters: [
        consultationParameter,
        { name: 'Idempotency-Key', in: 'header', required: false, description: 'When sent, must equal the response id', schema: { type: 'string' } },
      ],
      requestBody: jsonBody('ConsultationResponse'),
      responses: {
        201: jsonResponse('Recorded', schemaRef('Receipt')),
        200: jsonResponse('Already recorded with this very body: the first receipt', schemaRef('Receipt')),
        400: errorResponse('Invalid body, or answers that do not fit the questions (each named at answers.<question>)'),
        404: errorResponse('Unknown consultation'),
        409: errorResponse('not-open, closed, already-answered (this participant has a response), or definition-changed'),
        413: errorResponse('Body over 256 KiB'),
        415: errorResponse('Body not sent as application/json'),
        422: errorResponse('This id was already used with a different body'),
      },
    },
  },
};

export default async function responseRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { id: string } }>('/:id/responses', { bodyLimit: RESPONSE_BODY_LIMIT }, async (request, reply) => {
    const consultation = await findConsultationOrThrow(app, request.params.id);
    const response = parseOrThrow(ConsultationResponseSchema, request.body, 'body');
    checkIdempotencyKey(request.headers['idempotency-key'], response.id);
    const bodyHash = fingerprintOf({ consultation: consultation.definition.id, response });

    const { status, receipt } = await writeOnce({
      bodyHash,
      find: () => app.storage.consultationResponses.findSubmission(response.id),
      // Only for a first write: a retry of an accepted response still gets its receipt after the close.
      checkNew: () => checkAcceptable(app, consultation, response),
      async insert() {
        const outcome = await app.storage.consultationResponses.insert(consultation, response, bodyHash);
        if (outcome === 'id-taken') return undefined;
        if (outcome === 'already-answered') throw alreadyAnswered();
        if (outcome === 'changed') {
          throw new HttpError(409, 'definition-changed', 'The consultation was changed while this response was sent; reload it.');
        }
        return outcome.stored;
      },
    });
    return reply.code(status).send(receipt);
  });
}

async function checkAcceptable(app: FastifyInstance, consultation: StoredConsultation, response: ConsultationResponse): Promise<void> {
  const { definition } = consultation;
  checkOpenOrThrow(definition, 'consultation');
  const problems = answerProblems(definition, response.answers);
  if (problems.length > 0) throw invalidInput('body', problems);
  // The unique constraint decides in the end (see the insert); this says it early and plainly.
  if (await app.storage.consultationResponses.hasAnswered(definition.id, response.participant)) throw alreadyAnswered();
}

function alreadyAnswered(): HttpError {
  return new HttpError(409, 'already-answered', 'This participant has already answered this consultation.');
}
