import type { FastifyInstance } from 'fastify';
import orgCors from '../../../plugins/org-cors.js';
import barometerRoutes from './barometer.js';
import ratingRoutes from './ratings.js';

/** The public routes of one org, /v1/orgs/:org/…: called by the widgets from the org's own pages. */
export default async function publicOrgRoutes(app: FastifyInstance, { methodology }: { methodology: string }): Promise<void> {
  await app.register(orgCors);
  await app.register(ratingRoutes);
  await app.register(barometerRoutes, { methodology });
}
