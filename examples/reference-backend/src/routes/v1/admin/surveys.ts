import { SurveyDefinitionSchema } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { toCsv } from '../../../export/csv.js';
import { HttpError } from '../../../http-error.js';
import {
  ADMIN_ERRORS,
  ADMIN_ONLY,
  errorResponse,
  jsonBody,
  jsonResponse,
  pathParameter,
  schemaRef,
  type OpenApiPaths,
} from '../../../openapi/document.js';
import type { StoredSurvey } from '../../../storage/surveys.js';
import { parseOrThrow } from '../../../validation.js';
import { findSurveyOrThrow, publicSurvey } from '../surveys/find-survey.js';
import { newConsultationId } from './consultation-id.js';
import { checkOrgExists } from './consultations.js';

export const MAX_INVITATIONS = 1000;

const InvitationRequestSchema = z.strictObject({
  count: z.number().int().min(1).max(MAX_INVITATIONS),
});

const InvitationQuerySchema = z.object({
  format: z.enum(['json', 'csv'], { error: 'json or csv' }).optional(),
});

const idParameter = pathParameter('id', 'Survey id');

export const paths: OpenApiPaths = {
  '/v1/admin/surveys': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'createSurvey',
      summary: 'Create an agents’ survey; the server makes its id when the definition has none',
      requestBody: jsonBody('SurveyDefinition'),
      responses: {
        201: jsonResponse('Created', { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }),
        400: errorResponse('Invalid definition (every problem named), or unknown organisation'),
        ...ADMIN_ERRORS,
        409: errorResponse('A survey with this id exists'),
      },
    },
  },
  '/v1/admin/surveys/{id}': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'getSurveyAsAdmin',
      summary: 'A survey and its status of the moment',
      parameters: [idParameter],
      responses: { 200: jsonResponse('The survey', schemaRef('Survey')), ...ADMIN_ERRORS, 404: errorResponse('Unknown survey') },
    },
  },
  '/v1/admin/surveys/{id}/invitations': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'inviteToSurvey',
      summary:
        'Make invitation tokens (160 random bits, hex), shown this once: the server keeps only their sha-256. ' +
        'Each opens the survey and accepts one response. A retry makes new tokens.',
      parameters: [
        idParameter,
        { name: 'format', in: 'query', required: false, description: 'csv (or Accept: text/csv): one token per row, for a mail merge', schema: { enum: ['json', 'csv'] } },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', properties: { count: { type: 'integer', minimum: 1, maximum: MAX_INVITATIONS } }, required: ['count'], additionalProperties: false },
          },
        },
      },
      responses: {
        201: {
          description: 'The new tokens',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { tokens: { type: 'array', items: { type: 'string' } } }, required: ['tokens'] },
            },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        400: errorResponse('count missing or outside 1..1000, or a bad format'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown survey'),
      },
    },
  },
};

export default async function adminSurveyRoutes(app: FastifyInstance): Promise<void> {
  app.post('/surveys', async (request, reply) => {
    const parsed = parseOrThrow(SurveyDefinitionSchema, request.body, 'body');
    const survey: StoredSurvey = { ...parsed, id: parsed.id ?? newConsultationId(parsed.title) };
    await checkOrgExists(app, survey.org);
    if (!(await app.storage.surveys.create(survey))) {
      throw new HttpError(409, 'survey-exists', `A survey "${survey.id}" exists already.`);
    }
    return reply.code(201).send({ id: survey.id });
  });

  app.get<{ Params: { id: string } }>('/surveys/:id', async (request) => publicSurvey(await findSurveyOrThrow(app, request.params.id)));

  app.post<{ Params: { id: string } }>('/surveys/:id/invitations', async (request, reply) => {
    const { format } = parseOrThrow(InvitationQuerySchema, request.query, 'query');
    const { count } = parseOrThrow(InvitationRequestSchema, request.body, 'body');
    const survey = await findSurveyOrThrow(app, request.params.id);
    const tokens = await app.storage.surveys.invite(survey.id, count);
    const csv = format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(request.headers.accept ?? ''));
    if (!csv) return reply.code(201).send({ tokens });
    return reply
      .code(201)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${survey.id}-invitations.csv"`)
      .send(toCsv(['token'], tokens.map((token) => [token])));
  });
}
