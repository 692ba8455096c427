import type { FastifyInstance } from 'fastify';
import orgCors, { type OrgOfUrl } from '../../../plugins/org-cors.js';
import consultationRoutes from './consultation.js';
import ideaSupportRoutes from './idea-supports.js';
import ideaRoutes from './ideas.js';
import responseRoutes from './responses.js';
import resultRoutes from './results.js';

const CONSULTATION_IN_URL = /^\/v1\/consultations\/([^/?#]+)/;

/** A consultation's routes answer to the allowed origins of the org that runs it. */
const orgOfConsultation: OrgOfUrl = async (app, url) => {
  const id = CONSULTATION_IN_URL.exec(url)?.[1];
  return id === undefined ? undefined : app.storage.consultations.orgOf(id);
};

/** /v1/consultations/:id/…: called by <civic-consultation-poll> from the org's own pages. */
export default async function publicConsultationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(orgCors, { orgOf: orgOfConsultation });
  await app.register(consultationRoutes);
  await app.register(responseRoutes);
  await app.register(resultRoutes);
  await app.register(ideaRoutes);
  await app.register(ideaSupportRoutes);
}
