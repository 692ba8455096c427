import type { FastifyInstance } from 'fastify';
import { AUDIT_BODY_LIMIT, auditsFromCsv, auditsFromJson, conflictingAudits, invalidAudits, MAX_AUDITS_PER_IMPORT } from '../../../../audit-import.js';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../../openapi/document.js';
import { unknownOrg } from '../../../find-org.js';

const RECEIPT = {
  type: 'object',
  properties: {
    imported: { type: 'integer', description: 'Audits added' },
    duplicates: { type: 'integer', description: 'Audits already there (the same id, or for an audit without one the same content), or repeated in the file' },
  },
  required: ['imported', 'duplicates'],
};

export const paths: OpenApiPaths = {
  '/v1/admin/orgs/{org}/audits': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'importAudits',
      summary: 'Import mystery-shopping audits (a JSON array of Audit, or a CSV); all or nothing, idempotent',
      description:
        `At most ${MAX_AUDITS_PER_IMPORT} audits and ${AUDIT_BODY_LIMIT / 1024 / 1024} MiB. The CSV's header names the columns: date, ` +
        'channel, service, criteriaMet, criteriaTotal, an optional id, and one column per criterion (1/0, oui/non, vrai/faux…). ' +
        'A problem in any audit imports nothing: every problem is named (JSON: `3.criteriaMet`; CSV: `line 4.criteriaMet`).',
      parameters: [pathParameter('org', 'Organisation id')],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'array', items: schemaRef('Audit'), maxItems: MAX_AUDITS_PER_IMPORT } },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      responses: {
        201: jsonResponse('Imported (some audits were new)', RECEIPT),
        200: jsonResponse('Nothing new: every audit was there already', RECEIPT),
        400: errorResponse('A bad audit or line: every problem in `fields`, nothing imported'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
        413: errorResponse(`Body over ${AUDIT_BODY_LIMIT / 1024 / 1024} MiB`),
        415: errorResponse('Body neither application/json nor text/csv'),
        422: errorResponse('An id imported before with other figures: nothing imported'),
      },
    },
  },
};

export default async function adminAuditRoutes(app: FastifyInstance): Promise<void> {
  // Only in this plugin's scope: elsewhere a CSV body stays a 415.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: AUDIT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post<{ Params: { org: string } }>('/orgs/:org/audits', { bodyLimit: AUDIT_BODY_LIMIT }, async (request, reply) => {
    const batch = typeof request.body === 'string' ? auditsFromCsv(request.body) : auditsFromJson(request.body);
    // The org is looked for after the body is read, yet before anything is said about the body: an
    // unknown org is a 404 whatever the file holds.
    if (!(await app.storage.orgs.find(request.params.org))) throw unknownOrg(request.params.org);
    if ('problems' in batch) throw invalidAudits(batch.problems);
    const outcome = await app.storage.audits.import(request.params.org, batch.audits);
    if (!outcome.ok) throw conflictingAudits(outcome.conflicts, batch.where);
    return reply.code(outcome.imported > 0 ? 201 : 200).send({ imported: outcome.imported, duplicates: outcome.duplicates });
  });
}
