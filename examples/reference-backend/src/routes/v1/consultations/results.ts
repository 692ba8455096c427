import { consultationStatus } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import { errorResponse, jsonResponse, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import type { StoredDefinition } from '../../../storage/consultations.js';
import { consultationParameter } from './consultation.js';
import { findConsultationOrThrow } from './find-consultation.js';

export const paths: OpenApiPaths = {
  '/v1/consultations/{id}/results': {
    get: {
      operationId: 'getConsultationResults',
      summary: 'Tallies per question, when the consultation’s resultsVisibility allows',
      description:
        '`after-vote`: served to anyone, since without identity the server cannot tell who voted; the element ' +
        'shows them once its participant has answered. `after-close`: 403 results-not-yet until closesAt. ' +
        '`never`: 403 results-hidden (the admin export still has the answers).',
      tags: ['public'],
      parameters: [consultationParameter],
      responses: {
        200: jsonResponse('The results', schemaRef('ConsultationResults')),
        403: errorResponse('results-hidden, or results-not-yet (the message gives the date)'),
        404: errorResponse('Unknown consultation'),
      },
    },
  },
};

export default async function resultRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/:id/results', async (request) => {
    const consultation = await findConsultationOrThrow(app, request.params.id);
    checkVisible(consultation.definition);
    return app.storage.consultationResponses.results(consultation);
  });
}

function checkVisible(definition: StoredDefinition): void {
  if (definition.resultsVisibility === 'never') {
    throw new HttpError(403, 'results-hidden', 'The results of this consultation are not published.');
  }
  if (definition.resultsVisibility === 'after-close' && consultationStatus(definition) !== 'closed') {
    throw new HttpError(403, 'results-not-yet', `The results will be published when the consultation closes, at ${definition.closesAt}.`);
  }
}
