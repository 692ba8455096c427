import fp from 'fastify-plugin';
import { scheduleRetention, type RetentionSchedule, type ScheduleOptions } from '../retention.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The purge of expired ratings: `idle()` resolves when none is running. */
    retention: Pick<RetentionSchedule, 'idle'>;
  }
}

/**
 * Purges expired ratings once the app is ready, then every 24 hours; stops before the storage
 * closes. Several instances may all run it: each row is deleted once, whoever gets to it.
 */
export default fp<ScheduleOptions>(
  async (app, options) => {
    let schedule: RetentionSchedule | undefined;
    app.decorate('retention', { idle: async () => schedule?.idle() });
    app.addHook('onReady', async () => {
      schedule = scheduleRetention(app.storage, app.log, options);
    });
    // preClose comes before every onClose hook, the storage's included: no purge outlives the database.
    app.addHook('preClose', async () => {
      await schedule?.stop();
    });
  },
  { name: 'civic-retention', dependencies: ['civic-storage'] },
);
