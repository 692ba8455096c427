import Fastify, { type FastifyInstance } from 'fastify';
import { BAROMETER_METHODOLOGY_URL } from './barometer.js';
import type { DatabaseConfig } from './config.js';
import { loggerOptions, type LogOptions } from './logger.js';
import errors, { answerRoutingError } from './plugins/errors.js';
import retention from './plugins/retention.js';
import securityHeaders from './plugins/security-headers.js';
import staticFiles, { type StaticRoots } from './plugins/static-files.js';
import storage from './plugins/storage.js';
import healthzRoutes from './routes/healthz.js';
import adminRoutes from './routes/v1/admin/index.js';
import openApiRoutes from './routes/v1/openapi.js';
import publicConsultationRoutes from './routes/v1/consultations/index.js';
import publicSurveyRoutes from './routes/v1/surveys/index.js';
import publicOrgRoutes from './routes/v1/orgs/index.js';
import type { ScheduleOptions } from './retention.js';

export interface AppOptions {
  database: DatabaseConfig;
  /** The bearer token of every /v1/admin route. */
  adminToken: string;
  /** `false` (the default) for silence, as tests want. */
  logger?: false | LogOptions;
  /** Folders to serve at `/` and `/cdn/`; nothing is served from disk without them. */
  staticRoots?: StaticRoots;
  /** The barometer's `methodology` link; BAROMETER_METHODOLOGY_URL (the repository README's section) by default. */
  methodologyUrl?: string;
  /** The purge of expired ratings (at start, then every 24 h); `false` for none. */
  retention?: false | ScheduleOptions;
}

/** Admin bodies (an org with hundreds of services, later audit imports) may be larger than public ones. */
const ADMIN_BODY_LIMIT = 1024 * 1024;

/**
 * The whole server, not listening: `server.ts` listens, tests call `app.inject()`. The database is
 * opened and migrated when the app loads (`await app.ready()`, or the first inject).
 */
export function buildApp(options: AppOptions): FastifyInstance {
  if (!options.adminToken) throw new Error('buildApp: adminToken must not be empty');
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger) : false,
    bodyLimit: ADMIN_BODY_LIMIT,
    frameworkErrors: answerRoutingError,
  });
  // JSON only: without this, a text/plain body would be parsed into a string and get a puzzling
  // "expected object" instead of 415.
  app.removeContentTypeParser('text/plain');

  app.register(errors);
  app.register(securityHeaders);
  app.register(storage, { database: options.database });
  if (options.retention !== false) app.register(retention, options.retention ?? {});

  app.register(healthzRoutes);
  app.register(openApiRoutes);
  app.register(publicOrgRoutes, { prefix: '/v1/orgs', methodology: options.methodologyUrl ?? BAROMETER_METHODOLOGY_URL });
  app.register(publicConsultationRoutes, { prefix: '/v1/consultations' });
  app.register(publicSurveyRoutes, { prefix: '/v1/surveys' });
  app.register(adminRoutes, { prefix: '/v1/admin', adminToken: options.adminToken });
  if (options.staticRoots) app.register(staticFiles, options.staticRoots);
  return app;
}
