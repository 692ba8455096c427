import type { FastifyInstance } from 'fastify';
import adminAuth from '../../../plugins/admin-auth.js';
import adminConsultationExportRoutes from './consultation-export.js';
import adminConsultationIdeaRoutes from './consultation-ideas.js';
import adminConsultationRoutes from './consultations.js';
import adminAuditRoutes from './orgs/audits.js';
import adminBarometerSettingsRoutes from './orgs/barometer.js';
import adminOrgRoutes from './orgs/index.js';
import adminRatingExportRoutes from './orgs/ratings.js';
import adminRetentionSettingsRoutes from './orgs/retention.js';
import adminSurveyResultRoutes from './survey-results.js';
import adminSurveyRoutes from './surveys.js';

/** /v1/admin/…: every route behind the admin token, and no CORS grant, so no page can call them. */
export default async function adminRoutes(app: FastifyInstance, { adminToken }: { adminToken: string }): Promise<void> {
  await app.register(adminAuth, { adminToken });
  // Exports carry citizens' comments: no browser or proxy cache is to keep a copy.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(adminOrgRoutes);
  await app.register(adminRatingExportRoutes);
  await app.register(adminAuditRoutes);
  await app.register(adminBarometerSettingsRoutes);
  await app.register(adminRetentionSettingsRoutes);
  await app.register(adminConsultationRoutes);
  await app.register(adminConsultationExportRoutes);
  await app.register(adminConsultationIdeaRoutes);
  await app.register(adminSurveyRoutes);
  await app.register(adminSurveyResultRoutes);
}
