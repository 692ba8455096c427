import type { FastifyInstance } from 'fastify';
import { BarometerSettingsSchema } from '../../../../barometer-settings.js';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, jsonBody, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../../openapi/document.js';
import { parseOrThrow } from '../../../../validation.js';
import { unknownOrg } from '../../../find-org.js';

export const paths: OpenApiPaths = {
  '/v1/admin/orgs/{org}/barometer': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'getBarometerSettings',
      summary: 'Read the barometer settings of an organisation (the defaults until set)',
      parameters: [pathParameter('org', 'Organisation id')],
      responses: {
        200: jsonResponse('The settings', schemaRef('BarometerSettings')),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
      },
    },
    put: {
      ...ADMIN_ONLY,
      operationId: 'setBarometerSettings',
      summary: 'Replace the barometer weights and minimum counts of an organisation',
      parameters: [pathParameter('org', 'Organisation id')],
      requestBody: jsonBody('BarometerSettings'),
      responses: {
        200: jsonResponse('Set', schemaRef('BarometerSettings')),
        400: errorResponse('Invalid settings: a negative weight, both weights 0, a minimum under 1'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
      },
    },
  },
};

export default async function adminBarometerSettingsRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { org: string } }>('/orgs/:org/barometer', async (request) => {
    const settings = await app.storage.orgs.barometerSettings(request.params.org);
    if (!settings) throw unknownOrg(request.params.org);
    return settings;
  });

  app.put<{ Params: { org: string } }>('/orgs/:org/barometer', async (request) => {
    const settings = parseOrThrow(BarometerSettingsSchema, request.body, 'body');
    if (!(await app.storage.orgs.setBarometerSettings(request.params.org, settings))) throw unknownOrg(request.params.org);
    return settings;
  });
}
