import { ConsultationDefinitionSchema } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { badField, HttpError } from '../../../http-error.js';
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
import type { StoredDefinition } from '../../../storage/consultations.js';
import { parseOrThrow, type Parser } from '../../../validation.js';
import { findConsultationOrThrow, publicConsultation, unknownConsultation } from '../consultations/find-consultation.js';
import { newConsultationId } from './consultation-id.js';

const idParameter = pathParameter('id', 'Consultation id');

export const paths: OpenApiPaths = {
  '/v1/admin/consultations': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'createConsultation',
      summary: 'Create a consultation; the server makes its id when the definition has none',
      requestBody: jsonBody('ConsultationDefinition'),
      responses: {
        201: jsonResponse('Created', { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }),
        400: errorResponse('Invalid definition (every problem named), or unknown organisation'),
        ...ADMIN_ERRORS,
        409: errorResponse('A consultation with this id exists'),
      },
    },
  },
  '/v1/admin/consultations/{id}': {
    put: {
      ...ADMIN_ONLY,
      operationId: 'updateConsultation',
      summary: 'Replace a consultation’s definition, while it has no response',
      parameters: [idParameter],
      requestBody: jsonBody('ConsultationDefinition'),
      responses: {
        200: jsonResponse('Updated', schemaRef('Consultation')),
        400: errorResponse('Invalid definition, unknown organisation, or an id other than the URL’s'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown consultation'),
        409: errorResponse('has-responses: answers were given to the current questions'),
      },
    },
  },
  '/v1/admin/consultations/{id}/close': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'closeConsultation',
      summary: 'Close a consultation now (closesAt becomes now, unless already past)',
      parameters: [idParameter],
      responses: { 200: jsonResponse('Closed', schemaRef('Consultation')), ...ADMIN_ERRORS, 404: errorResponse('Unknown consultation') },
    },
  },
};

export default async function adminConsultationRoutes(app: FastifyInstance): Promise<void> {
  app.post('/consultations', async (request, reply) => {
    const parsed = parseOrThrow(ConsultationDefinitionSchema, request.body, 'body');
    const definition: StoredDefinition = { ...parsed, id: parsed.id ?? newConsultationId(parsed.title) };
    await checkOrgExists(app, definition.org);
    if (!(await app.storage.consultations.create(definition))) {
      throw new HttpError(409, 'consultation-exists', `A consultation "${definition.id}" exists already; PUT changes it.`);
    }
    return reply.code(201).header('location', `/v1/consultations/${definition.id}`).send({ id: definition.id });
  });

  app.put<{ Params: { id: string } }>('/consultations/:id', async (request) => {
    const { id } = request.params;
    const definition: StoredDefinition = await definitionToPut(app, ConsultationDefinitionSchema, request.body, id);
    const outcome = await app.storage.consultations.update(definition);
    if (outcome === 'unknown') throw unknownConsultation(id);
    if (outcome === 'has-responses') {
      throw new HttpError(409, 'has-responses', 'This consultation has responses: its questions can no longer change.');
    }
    return publicConsultation(definition);
  });

  app.post<{ Params: { id: string } }>('/consultations/:id/close', async (request) => {
    const { id } = request.params;
    if (!(await app.storage.consultations.close(id, new Date()))) throw unknownConsultation(id);
    return publicConsultation((await findConsultationOrThrow(app, id)).definition);
  });
}

/**
 * The body of a PUT: a valid definition, of an org that exists, with the URL's id (the body may
 * leave it out, not name another). Surveys share it.
 */
export async function definitionToPut<T extends { id?: string | undefined; org: string }>(
  app: FastifyInstance,
  schema: Parser<T>,
  body: unknown,
  id: string,
): Promise<T & { id: string }> {
  const parsed = parseOrThrow(schema, body, 'body');
  if (parsed.id !== undefined && parsed.id !== id) throw badField('id-mismatch', 'id', 'must be the id of the URL, or absent');
  await checkOrgExists(app, parsed.org);
  return { ...parsed, id };
}

/** 400 `unknown-org` at `org` (surveys share it). */
export async function checkOrgExists(app: FastifyInstance, org: string): Promise<void> {
  if (!(await app.storage.orgs.find(org))) throw badField('unknown-org', 'org', `There is no organisation "${org}".`);
}
