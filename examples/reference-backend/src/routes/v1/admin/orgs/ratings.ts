import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { ratingsToCsv } from '../../../../export/ratings-csv.js';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../../openapi/document.js';
import type { OccurrenceRange } from '../../../../storage/ratings.js';
import { invalidInput, parseOrThrow } from '../../../../validation.js';
import { findOrgOrThrow } from '../../../find-org.js';

const DATE_OR_INSTANT = 'an ISO date (2025-01-31, a UTC day) or instant (2025-01-31T08:00:00Z)';
const DateOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: DATE_OR_INSTANT });

const ExportQuerySchema = z.object({
  format: z.enum(['json', 'csv'], { error: 'json or csv' }).default('json'),
  from: DateOrInstantSchema.optional(),
  to: DateOrInstantSchema.optional(),
});

export const paths: OpenApiPaths = {
  '/v1/admin/orgs/{org}/ratings': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'exportRatings',
      summary: 'Export the ratings of an organisation, by time of occurrence',
      parameters: [
        pathParameter('org', 'Organisation id'),
        { name: 'format', in: 'query', schema: { enum: ['json', 'csv'], default: 'json' } },
        { name: 'from', in: 'query', description: `Inclusive; ${DATE_OR_INSTANT}`, schema: { type: 'string' } },
        { name: 'to', in: 'query', description: `Inclusive for a date, exclusive for an instant; ${DATE_OR_INSTANT}`, schema: { type: 'string' } },
      ],
      responses: {
        200: {
          description: 'The ratings, oldest first',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  org: { type: 'string' },
                  ratings: {
                    type: 'array',
                    items: {
                      allOf: [
                        schemaRef('Rating'),
                        { properties: { normalized: { type: 'integer' }, receivedAt: { type: 'string', format: 'date-time' } } },
                      ],
                    },
                  },
                },
              },
            },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        400: errorResponse('Bad format, from or to'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown organisation'),
      },
    },
  },
};

export default async function adminRatingExportRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { org: string } }>('/orgs/:org/ratings', async (request, reply) => {
    const query = parseOrThrow(ExportQuerySchema, request.query, 'query');
    const range = occurrenceRange(query.from, query.to);
    const org = await findOrgOrThrow(app, request.params.org);
    const ratings = await app.storage.ratings.list(org.id, range);
    if (query.format === 'json') return { org: org.id, ratings };
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="civic-pulse-${org.id}-ratings.csv"`)
      .send(ratingsToCsv(ratings));
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date as `to` means up to the end of that day, which is what a person asking for "until the 31st" wants. */
function occurrenceRange(from: string | undefined, to: string | undefined): OccurrenceRange {
  const start = from === undefined ? undefined : new Date(from).toISOString();
  const end = to === undefined ? undefined : new Date(new Date(to).getTime() + (isDate(to) ? DAY_MS : 0)).toISOString();
  if (start !== undefined && end !== undefined && start >= end) {
    throw invalidInput('query', [{ path: 'to', message: 'must come after from' }]);
  }
  return { from: start, to: end };
}

const isDate = (value: string): boolean => value.length === 'YYYY-MM-DD'.length;
