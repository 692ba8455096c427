import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument, mergePaths } from '../../openapi/document.js';
import { paths as healthzPaths } from '../healthz.js';
import { paths as adminConsultationExportPaths } from './admin/consultation-export.js';
import { paths as adminConsultationIdeaPaths } from './admin/consultation-ideas.js';
import { paths as adminConsultationPaths } from './admin/consultations.js';
import { paths as adminAuditPaths } from './admin/orgs/audits.js';
import { paths as adminBarometerSettingsPaths } from './admin/orgs/barometer.js';
import { paths as adminOrgPaths } from './admin/orgs/index.js';
import { paths as adminRatingExportPaths } from './admin/orgs/ratings.js';
import { paths as adminRetentionSettingsPaths } from './admin/orgs/retention.js';
import { paths as adminSurveyPaths } from './admin/surveys.js';
import { paths as consultationPaths } from './consultations/consultation.js';
import { paths as ideaSupportPaths } from './consultations/idea-supports.js';
import { paths as ideaPaths } from './consultations/ideas.js';
import { paths as responsePaths } from './consultations/responses.js';
import { paths as resultPaths } from './consultations/results.js';
import { paths as barometerPaths } from './orgs/barometer.js';
import { paths as ratingPaths } from './orgs/ratings.js';
import { paths as adminSurveyResultPaths } from './admin/survey-results.js';
import { paths as surveyResponsePaths } from './surveys/responses.js';
import { paths as surveyResultPaths } from './surveys/results.js';
import { paths as surveyPaths } from './surveys/survey.js';

// A route file added without its paths here leaves the document incomplete: the test that compares
// this document with the registered routes says which.
const documentedPaths = mergePaths(
  healthzPaths,
  {
    '/v1/openapi.json': {
      get: { operationId: 'openApi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
    },
  },
  ratingPaths,
  barometerPaths,
  adminOrgPaths,
  adminRatingExportPaths,
  adminAuditPaths,
  adminBarometerSettingsPaths,
  adminRetentionSettingsPaths,
  consultationPaths,
  responsePaths,
  resultPaths,
  adminConsultationPaths,
  adminConsultationExportPaths,
  ideaPaths,
  ideaSupportPaths,
  adminConsultationIdeaPaths,
  surveyPaths,
  surveyResponsePaths,
  surveyResultPaths,
  adminSurveyResultPaths,
  adminSurveyPaths,
);

export default async function openApiRoutes(app: FastifyInstance): Promise<void> {
  const document = buildOpenApiDocument(documentedPaths);
  app.get('/v1/openapi.json', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(document));
}
