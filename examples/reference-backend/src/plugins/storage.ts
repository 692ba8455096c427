import fp from 'fastify-plugin';
import type { DatabaseConfig } from '../config.js';
import { openStorage, type Storage } from '../storage/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage;
  }
}

/** Opens and migrates the database before the first request; closes it when the app closes. */
export default fp<{ database: DatabaseConfig }>(
  async (app, { database }) => {
    const storage = await openStorage(database, {
      onBackgroundError: (error) => app.log.error({ err: error }, 'database connection lost while idle; the pool replaces it'),
    });
    app.decorate('storage', storage);
    app.addHook('onClose', () => storage.close());
  },
  { name: 'civic-storage' },
);
