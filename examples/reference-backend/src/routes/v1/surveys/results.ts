import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import { errorResponse, jsonResponse, type OpenApiPaths } from '../../../openapi/document.js';
import { SURVEY_RESULTS_SCHEMA } from '../../../openapi/survey-results-schema.js';
import { surveyResults } from '../../../export/survey-results.js';
import { presentedToken } from './invitation.js';
import { surveyParameter } from './survey.js';

export const paths: OpenApiPaths = {
  '/v1/surveys/{id}/results': {
    get: {
      operationId: 'getSurveyResults',
      summary:
        'A survey’s results, for the holder of a manager’s read token (POST /v1/admin/surveys/{id}/readers): the participation ' +
        'at any time, the tallies once it has closed, each withheld under the minimum group. An invitation token does not read them',
      tags: ['public'],
      security: [{ readToken: [] }],
      parameters: [surveyParameter],
      responses: {
        200: jsonResponse('The results', SURVEY_RESULTS_SCHEMA),
        401: errorResponse('No read token (`Authorization: Bearer …` missing)'),
        403: errorResponse('unknown-token: not a read token of this survey (also for an unknown survey)'),
      },
    },
  },
};

export default async function surveyResultRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/:id/results', async (request) => {
    const token = presentedToken(request, 'read token');
    const { id } = request.params;
    // As for invitations: without a read token of this survey, a known and an unknown survey answer alike.
    if (!(await app.storage.surveys.isReader(id, token))) throw unknownReader();
    const results = await surveyResults(app.storage.surveys, id);
    // A read token refers to its survey (foreign key): this only happens if the row went meanwhile.
    if (!results) throw unknownReader();
    return results;
  });
}

const unknownReader = (): HttpError => new HttpError(403, 'unknown-token', 'This read token does not open the results of this survey.');
