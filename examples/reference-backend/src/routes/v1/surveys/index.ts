import type { FastifyInstance } from 'fastify';
import orgCors, { type OrgOfUrl } from '../../../plugins/org-cors.js';
import surveyResponseRoutes from './responses.js';
import surveyResultRoutes from './results.js';
import surveyRoutes from './survey.js';

const SURVEY_IN_URL = /^\/v1\/surveys\/([^/?#]+)/;

/** A survey's routes answer to the allowed origins of the org that runs it. */
const orgOfSurvey: OrgOfUrl = async (app, url) => {
  const id = SURVEY_IN_URL.exec(url)?.[1];
  return id === undefined ? undefined : app.storage.surveys.orgOf(id);
};

/** /v1/surveys/:id/…: called by <civic-agent-survey> with an invitation token, or a manager's read token for the results. */
export default async function publicSurveyRoutes(app: FastifyInstance): Promise<void> {
  await app.register(orgCors, { orgOf: orgOfSurvey, extraHeaders: ['Authorization'] });
  // What an invitation opens is for its holder: no browser or proxy cache is to keep a copy.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(surveyRoutes);
  await app.register(surveyResponseRoutes);
  await app.register(surveyResultRoutes);
}
