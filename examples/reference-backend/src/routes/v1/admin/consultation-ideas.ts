import { IDEA_STATUSES, IdeaDecisionSchema } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { HttpError } from '../../../http-error.js';
import { ADMIN_ERRORS, ADMIN_ONLY, errorResponse, jsonBody, jsonResponse, pathParameter, type OpenApiPaths } from '../../../openapi/document.js';
import { parseOrThrow } from '../../../validation.js';
import { findConsultationOrThrow } from '../consultations/find-consultation.js';

const QuerySchema = z.object({
  status: z.enum(IDEA_STATUSES, { error: IDEA_STATUSES.join(', ') }).optional(),
});

/** The moderator's view: the public Idea's fields (never `supported`) and when it was last moderated. */
const ModeratedIdeaSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  status: z.enum(IDEA_STATUSES),
  supports: z.int().min(0),
  createdAt: z.iso.datetime({ offset: true }),
  rejectionReason: z.string().optional().describe('While rejected'),
  moderatedAt: z.iso.datetime({ offset: true }).optional().describe("The last moderator's decision; absent until one"),
});
const { $schema: _schema, ...moderatedIdea } = z.toJSONSchema(ModeratedIdeaSchema, { io: 'output' });

const parameters = [pathParameter('id', 'Consultation id')];

export const paths: OpenApiPaths = {
  '/v1/admin/consultations/{id}/ideas': {
    get: {
      ...ADMIN_ONLY,
      operationId: 'listIdeasToModerate',
      summary: 'Every idea of a consultation, newest first, or those of one status; never the participant',
      parameters: [...parameters, { name: 'status', in: 'query', required: false, schema: { enum: [...IDEA_STATUSES] } }],
      responses: {
        200: jsonResponse('The ideas', { type: 'array', items: moderatedIdea }),
        400: errorResponse('Unknown status'),
        ...ADMIN_ERRORS,
        404: errorResponse('Unknown consultation'),
      },
    },
  },
  '/v1/admin/consultations/{id}/ideas/{ideaId}/moderation': {
    post: {
      ...ADMIN_ONLY,
      operationId: 'moderateIdea',
      summary: 'Publish an idea, or reject it with a reason its author reads; a later decision replaces an earlier one',
      parameters: [...parameters, pathParameter('ideaId', 'Idea id')],
      requestBody: jsonBody('IdeaDecision'),
      responses: {
        200: jsonResponse('The idea as decided', moderatedIdea),
        400: errorResponse('Invalid decision (a rejection needs a reason)'),
        ...ADMIN_ERRORS,
        404: errorResponse('unknown-consultation, or unknown-idea'),
      },
    },
  },
};

export default async function adminConsultationIdeaRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/consultations/:id/ideas', async (request) => {
    const { definition } = await findConsultationOrThrow(app, request.params.id);
    const { status } = parseOrThrow(QuerySchema, request.query, 'query');
    return app.storage.consultationIdeas.listAll(definition.id, status);
  });

  app.post<{ Params: { id: string; ideaId: string } }>('/consultations/:id/ideas/:ideaId/moderation', async (request) => {
    const { definition } = await findConsultationOrThrow(app, request.params.id);
    const decision = parseOrThrow(IdeaDecisionSchema, request.body, 'body');
    const { ideaId } = request.params;
    const moderated = await app.storage.consultationIdeas.moderate(definition.id, ideaId, decision, new Date());
    if (!moderated) throw new HttpError(404, 'unknown-idea', `This consultation has no idea "${ideaId}".`);
    request.log.info({ consultation: definition.id, idea: ideaId, decision: decision.status }, 'idea moderated');
    return moderated;
  });
}
