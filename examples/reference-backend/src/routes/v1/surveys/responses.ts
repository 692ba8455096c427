import { SurveyResponseSchema, surveyAnswerProblems } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import { errorResponse, jsonBody, jsonResponse, type OpenApiPaths } from '../../../openapi/document.js';
import { invalidInput, parseOrThrow } from '../../../validation.js';
import { checkOpenOrThrow } from '../check-open.js';
import { checkUnusedInvitation, presentedToken, tokenUsed, unknownToken } from './invitation.js';
import { INVITATION_ERRORS, surveyParameter } from './survey.js';

/** Up to 30 sections of 100 questions: more room than a consultation response's 256 KiB. */
const RESPONSE_BODY_LIMIT = 1024 * 1024;

export const paths: OpenApiPaths = {
  '/v1/surveys/{id}/responses': {
    post: {
      operationId: 'submitSurveyResponse',
      summary:
        'Record an agent’s answers and use up the invitation, in one transaction. Nothing links the stored ' +
        'answers to the token, and the response id is not kept: a retry after success answers 403 token-used.',
      tags: ['public'],
      security: [{ invitationToken: [] }],
      parameters: [surveyParameter],
      requestBody: jsonBody('SurveyResponse'),
      responses: {
        201: jsonResponse('Recorded: the id sent (not stored) and the day', {
          type: 'object',
          properties: { id: { type: 'string', format: 'uuid' }, receivedOn: { type: 'string', format: 'date' } },
          required: ['id', 'receivedOn'],
        }),
        400: errorResponse('Invalid body, or answers that do not fit the questions (each named at answers.<question>)'),
        ...INVITATION_ERRORS,
        409: errorResponse('not-open, closed, or definition-changed (the survey was changed while the response was sent)'),
        413: errorResponse('Body over 1 MiB'),
        415: errorResponse('Body not sent as application/json'),
      },
    },
  },
};

export default async function surveyResponseRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { id: string } }>('/:id/responses', { bodyLimit: RESPONSE_BODY_LIMIT }, async (request, reply) => {
    const token = presentedToken(request);
    const { id } = request.params;
    await checkUnusedInvitation(app, id, token);
    const response = parseOrThrow(SurveyResponseSchema, request.body, 'body');
    const found = await app.storage.surveys.find(id);
    if (!found) throw unknownToken();
    const survey = found.definition;
    checkOpenOrThrow(survey, 'survey');
    const problems = surveyAnswerProblems(survey, response.answers);
    if (problems.length > 0) throw invalidInput('body', problems);

    const now = new Date();
    // The check above answers early; this transaction decides when two requests race.
    const outcome = await app.storage.surveys.respond({ id, revision: found.revision }, token, response, now);
    if (outcome === 'used') throw tokenUsed();
    if (outcome === 'changed') throw new HttpError(409, 'definition-changed', 'The survey was changed while this response was sent; reload it.');
    return reply.code(201).send({ id: response.id, receivedOn: now.toISOString().slice(0, 10) });
  });
}
