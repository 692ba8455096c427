import type { FastifyInstance } from 'fastify';
import { errorResponse, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import { publicSurvey } from './find-survey.js';
import { checkUnusedInvitation, presentedToken, unknownToken } from './invitation.js';

export const surveyParameter = pathParameter('id', 'Survey id');

export const INVITATION_ERRORS = {
  401: errorResponse('No invitation token (`Authorization: Bearer …` missing)'),
  403: errorResponse('unknown-token (also for an unknown survey), or token-used'),
};

export const paths: OpenApiPaths = {
  '/v1/surveys/{id}': {
    get: {
      operationId: 'getSurvey',
      summary: 'A survey, its sections and its status of the moment, for the holder of an unused invitation',
      tags: ['public'],
      security: [{ invitationToken: [] }],
      parameters: [surveyParameter],
      responses: { 200: jsonResponse('The survey', schemaRef('Survey')), ...INVITATION_ERRORS },
    },
  },
};

export default async function surveyRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/:id', async (request) => {
    const token = presentedToken(request);
    await checkUnusedInvitation(app, request.params.id, token);
    const found = await app.storage.surveys.find(request.params.id);
    // An invitation refers to its survey (foreign key): this only happens if the row went meanwhile.
    if (!found) throw unknownToken();
    return publicSurvey(found.definition);
  });
}
