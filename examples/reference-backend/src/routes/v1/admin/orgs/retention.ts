import type { FastifyInstance } from 'fastify';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, jsonBody, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../../openapi/document.js';
import { DEFAULT_RETENTION_DAYS, RetentionSettingsSchema, type RetentionSettings } from '../../../../retention.js';
import { parseOrThrow } from '../../../../validation.js';
import { unknownOrg } from '../../../find-org.js';

export const paths: OpenApiPaths = {
  '/v1/admin/orgs/{org}/retention': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'getRetentionSettings',
      summary: 'Read how many days an organisation keeps its ratings (the default until set)',
      parameters: [pathParameter('org', 'Organisation id')],
      responses: {
        200: jsonResponse('The settings', schemaRef('RetentionSettings')),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
      },
    },
    put: {
      ...ADMIN_ONLY,
      operationId: 'setRetentionSettings',
      summary: 'Set how many days after their reception the ratings of an organisation are deleted (30 at least)',
      parameters: [pathParameter('org', 'Organisation id')],
      requestBody: jsonBody('RetentionSettings'),
      responses: {
        200: jsonResponse('Set', schemaRef('RetentionSettings')),
        400: errorResponse('Invalid settings: retentionDays not a whole number of 30 to 36,500'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
      },
    },
  },
};

/** Kept apart from the org's definition, as the barometer settings are: PUT /v1/admin/orgs/:org stays as it was. */
export default async function adminRetentionSettingsRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { org: string } }>('/orgs/:org/retention', async (request): Promise<RetentionSettings> => {
    const days = await app.storage.orgs.retentionDays(request.params.org);
    if (days === undefined) throw unknownOrg(request.params.org);
    return { retentionDays: days ?? DEFAULT_RETENTION_DAYS };
  });

  app.put<{ Params: { org: string } }>('/orgs/:org/retention', async (request): Promise<RetentionSettings> => {
    const settings = parseOrThrow(RetentionSettingsSchema, request.body, 'body');
    if (!(await app.storage.orgs.setRetentionDays(request.params.org, settings.retentionDays))) throw unknownOrg(request.params.org);
    return settings;
  });
}
