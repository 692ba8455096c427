import { SurveyDefinitionSchema } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { invitationsToCsv } from '../../../export/invitations-csv.js';
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
import { findSurveyOrThrow, publicSurvey, unknownSurvey } from '../surveys/find-survey.js';
import { newConsultationId } from './consultation-id.js';
import { checkOrgExists, definitionToPut } from './consultations.js';

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
    put: {
      ...ADMIN_ONLY,
      operationId: 'updateSurvey',
      summary:
        'Replace a survey’s definition. Once it has responses, its sections and questions, its org and its ' +
        'minimum group (downwards) are fixed, and a closed survey cannot reopen; the title, the intro and the dates of an open survey may change',
      parameters: [idParameter],
      requestBody: jsonBody('SurveyDefinition'),
      responses: {
        200: jsonResponse('Updated', schemaRef('Survey')),
        400: errorResponse('Invalid definition, unknown organisation, or an id other than the URL’s'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown survey'),
        409: errorResponse('has-responses: what may no longer change is named in fields'),
      },
    },
  },
  '/v1/admin/surveys/{id}/close': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'closeSurvey',
      summary: 'Close a survey now (closesAt becomes now, unless already past): its results are then published',
      parameters: [idParameter],
      responses: { 200: jsonResponse('Closed', schemaRef('Survey')), ...ADMIN_ERRORS, 404: errorResponse('Unknown survey') },
    },
  },
  '/v1/admin/surveys/{id}/readers': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'issueSurveyReader',
      summary:
        'Make a manager’s read token (160 random bits, hex), shown this once: the server keeps only its sha-256. ' +
        'It reads GET /v1/surveys/{id}/results and nothing else; it neither opens nor answers the survey.',
      parameters: [idParameter],
      responses: {
        201: jsonResponse('The new token', { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] }),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown survey'),
      },
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

  app.put<{ Params: { id: string } }>('/surveys/:id', async (request) => {
    const { id } = request.params;
    const survey: StoredSurvey = await definitionToPut(app, SurveyDefinitionSchema, request.body, id);
    const outcome = await app.storage.surveys.update(survey);
    if (outcome === 'unknown') throw unknownSurvey(id);
    if (outcome !== 'updated') {
      throw new HttpError(409, 'has-responses', `This survey has responses: ${outcome.frozen.map((change) => change.message).join('; ')}.`, outcome.frozen);
    }
    return publicSurvey(survey);
  });

  app.post<{ Params: { id: string } }>('/surveys/:id/close', async (request) => {
    const { id } = request.params;
    if (!(await app.storage.surveys.close(id, new Date()))) throw unknownSurvey(id);
    return publicSurvey((await findSurveyOrThrow(app, id)).definition);
  });

  app.post<{ Params: { id: string } }>('/surveys/:id/readers', async (request, reply) => {
    const { definition: survey } = await findSurveyOrThrow(app, request.params.id);
    return reply.code(201).send({ token: await app.storage.surveys.issueReader(survey.id) });
  });

  app.get<{ Params: { id: string } }>('/surveys/:id', async (request) => publicSurvey((await findSurveyOrThrow(app, request.params.id)).definition));

  app.post<{ Params: { id: string } }>('/surveys/:id/invitations', async (request, reply) => {
    const { format } = parseOrThrow(InvitationQuerySchema, request.query, 'query');
    const { count } = parseOrThrow(InvitationRequestSchema, request.body, 'body');
    const { definition: survey } = await findSurveyOrThrow(app, request.params.id);
    const tokens = await app.storage.surveys.invite(survey.id, count);
    const csv = format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(request.headers.accept ?? ''));
    if (!csv) return reply.code(201).send({ tokens });
    return reply
      .code(201)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${survey.id}-invitations.csv"`)
      .send(invitationsToCsv(tokens));
  });
}
