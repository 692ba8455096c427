import { IDEA_STATUSES } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { CSV_EXPORTS, EXPORT_FORMATS, exportConsultation } from '../../../export/consultation-export.js';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, pathParameter, schemaRef, type OpenApiPaths } from '../../../openapi/document.js';
import { invalidInput, parseOrThrow } from '../../../validation.js';
import { unknownConsultation } from '../consultations/find-consultation.js';

const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'json or csv' }).default('json'),
  what: z.enum(CSV_EXPORTS, { error: CSV_EXPORTS.join(' or ') }).optional(),
});

export const paths: OpenApiPaths = {
  '/v1/admin/consultations/{id}/export': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'exportConsultation',
      summary: 'Export the answers and ideas of a consultation, without participant, response id or time, in an order that follows their content',
      parameters: [
        pathParameter('id', 'Consultation id'),
        { name: 'format', in: 'query', schema: { enum: [...EXPORT_FORMATS], default: 'json' } },
        {
          name: 'what',
          in: 'query',
          description: 'CSV only: one row per response (answers), per column of the answers file (questions), or per idea (ideas)',
          schema: { enum: [...CSV_EXPORTS], default: 'answers' },
        },
      ],
      responses: {
        200: {
          description: 'JSON: the definition, every response’s answers, every idea. CSV: see `what`',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  consultation: schemaRef('ConsultationDefinition'),
                  responses: {
                    type: 'array',
                    items: { type: 'object', properties: { answers: { type: 'object' } }, required: ['answers'] },
                  },
                  ideas: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        title: { type: 'string' },
                        body: { type: 'string' },
                        status: { enum: [...IDEA_STATUSES] },
                        supports: { type: 'integer' },
                        createdOn: { type: 'string', format: 'date' },
                        rejectionReason: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        400: errorResponse('Bad format or what'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown consultation'),
      },
    },
  },
};

export default async function adminConsultationExportRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/consultations/:id/export', async (request, reply) => {
    const query = parseOrThrow(ExportQuerySchema, request.query, 'query');
    if (query.format === 'json' && query.what !== undefined) {
      throw invalidInput('query', [{ path: 'what', message: 'only with format=csv: the JSON export holds everything' }]);
    }
    const { id } = request.params;
    const file = await exportConsultation(
      app.storage,
      id,
      query.format === 'json' ? { format: 'json' } : { format: 'csv', what: query.what ?? 'answers' },
    );
    if (!file) throw unknownConsultation(id);
    if (file.format === 'json') return file.body;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  });
}
