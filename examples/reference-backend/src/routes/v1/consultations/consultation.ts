import type { FastifyInstance } from 'fastify';
import { errorResponse, jsonResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import { findConsultationOrThrow, publicConsultation } from './find-consultation.js';

export const consultationParameter = pathParameter('id', 'Consultation id');

export const paths: OpenApiPaths = {
  '/v1/consultations/{id}': {
    get: {
      operationId: 'getConsultation',
      summary: 'A consultation, its questions and its status of the moment (scheduled, open, closed)',
      tags: ['public'],
      parameters: [consultationParameter],
      responses: {
        200: jsonResponse('The consultation', schemaRef('Consultation')),
        404: errorResponse('Unknown consultation'),
      },
    },
  },
};

export default async function consultationRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/:id', async (request) => {
    const { definition } = await findConsultationOrThrow(app, request.params.id);
    return publicConsultation(definition);
  });
}
