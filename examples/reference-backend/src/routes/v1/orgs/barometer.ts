import { createHash } from 'node:crypto';
import { BAROMETER_PERIOD_HINT, barometerPeriod, LAST_12_MONTHS } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { readBarometer } from '../../../barometer.js';
import { BAROMETER_SCHEMA } from '../../../openapi/barometer-schema.js';
import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from '../../../openapi/document.js';
import { invalidInput } from '../../../validation.js';
import { unknownOrg } from '../../find-org.js';

/**
 * The figures change when ratings come in, yet a badge on every page of a city's site would ask
 * for them on every page view. Five minutes of caching (by the browser, and by any shared cache
 * or CDN in front: the answer is public and the same for everyone) takes that load off, and a
 * barometer over months does not mislead anyone for being five minutes old. After that, the ETag
 * makes the check cheap: a 304 with no body when nothing changed.
 */
const CACHE_CONTROL = 'public, max-age=300';

export const paths: OpenApiPaths = {
  '/v1/orgs/{org}/barometer': {
    get: {
      operationId: 'getBarometer',
      summary: 'The citizen-experience barometer of an organisation over a period, read from aggregates',
      description:
        'Audits and satisfaction, scored and weighted as the methodology (`methodology` in the answer) says; every figure under ' +
        'its minimum count is null. Cached for 5 minutes (`Cache-Control: public, max-age=300`); `If-None-Match` with the ETag ' +
        'answers 304 with no body.',
      tags: ['public'],
      parameters: [
        pathParameter('org', 'Organisation id'),
        {
          name: 'period',
          in: 'query',
          required: false,
          description: `${BAROMETER_PERIOD_HINT}; ${LAST_12_MONTHS} when absent`,
          schema: { type: 'string', default: LAST_12_MONTHS, examples: ['2026', '2026-Q3', LAST_12_MONTHS] },
        },
        { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag of an earlier answer', schema: { type: 'string' } },
      ],
      responses: {
        200: {
          ...jsonResponse('The barometer', BAROMETER_SCHEMA),
          headers: {
            ETag: { description: 'A hash of the body', schema: { type: 'string' } },
            'Cache-Control': { description: CACHE_CONTROL, schema: { type: 'string' } },
          },
        },
        304: { description: 'Not modified: the ETag sent in If-None-Match is the current one' },
        400: errorResponse('Bad period (named in `fields`)'),
        404: errorResponse('Unknown organisation'),
      },
    },
  },
};

export default async function barometerRoutes(app: FastifyInstance, { methodology }: { methodology: string }): Promise<void> {
  app.get<{ Params: { org: string }; Querystring: Record<string, unknown> }>('/:org/barometer', async (request, reply) => {
    const asked = request.query.period ?? LAST_12_MONTHS;
    const period = typeof asked === 'string' ? barometerPeriod(asked, new Date()) : undefined;
    if (!period) throw invalidInput('query', [{ path: 'period', message: `must be ${BAROMETER_PERIOD_HINT}` }]);
    const settings = await app.storage.orgs.barometerSettings(request.params.org);
    if (!settings) throw unknownOrg(request.params.org);

    const body = JSON.stringify(await readBarometer(app.storage, request.params.org, settings, period, methodology));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}

/** If-None-Match: `*`, or a list of tags, weak or strong (a weak comparison, as RFC 9110 asks for it). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
