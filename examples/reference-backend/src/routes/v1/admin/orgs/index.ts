import { OrgSchema, OrgUpdateSchema, type FieldError, type Service } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../../http-error.js';
import {
  ADMIN_ERRORS,
  ADMIN_ONLY,
  errorResponse,
  jsonBody,
  jsonResponse,
  pathParameter,
  schemaRef,
  type OpenApiPaths,
} from '../../../../openapi/document.js';
import { invalidInput, parseOrThrow } from '../../../../validation.js';
import { findOrgOrThrow, unknownOrg } from '../../../find-org.js';

const orgParameter = pathParameter('org', 'Organisation id');

export const paths: OpenApiPaths = {
  '/v1/admin/orgs': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'createOrg',
      summary: 'Create an organisation with its services and allowed origins',
      requestBody: jsonBody('Org'),
      responses: {
        201: jsonResponse('Created', schemaRef('Org')),
        400: errorResponse('Invalid body'),
        ...ADMIN_ERRORS,
        409: errorResponse('An organisation with this id exists'),
      },
    },
  },
  '/v1/admin/orgs/{org}': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'getOrg',
      summary: 'Read an organisation',
      parameters: [orgParameter],
      responses: { 200: jsonResponse('The organisation', schemaRef('Org')), ...ADMIN_ERRORS, 404: errorResponse('Unknown organisation') },
    },
    put: {
      ...ADMIN_ONLY,
      operationId: 'updateOrg',
      summary: 'Replace the name, allowed origins and services of an organisation',
      parameters: [orgParameter],
      requestBody: jsonBody('OrgUpdate'),
      responses: {
        200: jsonResponse('Updated', schemaRef('Org')),
        400: errorResponse('Invalid body'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
      },
    },
  },
};

export default async function adminOrgRoutes(app: FastifyInstance): Promise<void> {
  app.post('/orgs', async (request, reply) => {
    const org = parseOrThrow(OrgSchema, request.body, 'body');
    checkDistinctServices(org.services);
    if (!(await app.storage.orgs.create(org))) {
      throw new HttpError(409, 'org-exists', `An organisation "${org.id}" exists already; PUT changes it.`);
    }
    return reply.code(201).header('location', `/v1/admin/orgs/${org.id}`).send(await findOrgOrThrow(app, org.id));
  });

  app.get<{ Params: { org: string } }>('/orgs/:org', async (request) => findOrgOrThrow(app, request.params.org));

  app.put<{ Params: { org: string } }>('/orgs/:org', async (request) => {
    const update = parseOrThrow(OrgUpdateSchema, request.body, 'body');
    checkDistinctServices(update.services);
    const org = await app.storage.orgs.update(request.params.org, update);
    if (!org) throw unknownOrg(request.params.org);
    return org;
  });
}

/** Service ids name ratings' services for good: two with one id would make them ambiguous. */
function checkDistinctServices(services: readonly Service[]): void {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  services.forEach((service, index) => {
    if (seen.has(service.id)) fields.push({ path: `services.${index}.id`, message: 'each service id may appear once' });
    seen.add(service.id);
  });
  if (fields.length > 0) throw invalidInput('body', fields);
}
