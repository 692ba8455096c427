import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { EXPORT_FORMATS } from '../../../export/consultation-export.js';
import { surveyResults, surveyResultsFileName, surveyResultsToCsv } from '../../../export/survey-results.js';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, pathParameter, type OpenApiPaths } from '../../../openapi/document.js';
import { SURVEY_RESULTS_SCHEMA } from '../../../openapi/survey-results-schema.js';
import { parseOrThrow } from '../../../validation.js';
import { unknownSurvey } from '../surveys/find-survey.js';

const ResultsQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'json or csv' }).default('json'),
});

export const paths: OpenApiPaths = {
  '/v1/admin/surveys/{id}/results': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'getSurveyResultsAsAdmin',
      summary:
        'A survey’s results: the participation at any time, the tallies once it has closed, each withheld under the minimum group. ' +
        'There is no export of the answers themselves, on purpose: a row of one agent’s answers, with the breakdown answers ' +
        '(directorate, site…) beside the others, would say who gave them',
      parameters: [
        pathParameter('id', 'Survey id'),
        {
          name: 'format',
          in: 'query',
          description: 'csv: the published tallies as one flat table (breakdown, group, question, statement, answer, count, comment), withheld cells written `withheld`',
          schema: { enum: [...EXPORT_FORMATS], default: 'json' },
        },
      ],
      responses: {
        200: {
          description: 'The results',
          content: { 'application/json': { schema: SURVEY_RESULTS_SCHEMA }, 'text/csv': { schema: { type: 'string' } } },
        },
        400: errorResponse('Bad format'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown survey'),
      },
    },
  },
};

export default async function adminSurveyResultRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/surveys/:id/results', async (request, reply) => {
    const { format } = parseOrThrow(ResultsQuerySchema, request.query, 'query');
    const { id } = request.params;
    const results = await surveyResults(app.storage.surveys, id);
    if (!results) throw unknownSurvey(id);
    if (format === 'json') return results;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${surveyResultsFileName(id)}"`)
      .send(surveyResultsToCsv(results));
  });
}
