import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_ORG, seedDemoOrg } from '../src/seed.js';
import { describeDatabase, testDatabases } from './databases.js';
import { startApp } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('seedDemoOrg', () => {
      test('creates Ville d’Exemple with its four services and the local origins of the port', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        const org = await app.storage.orgs.find('ville-exemple');
        assert.equal(org?.name, "Ville d'Exemple");
        assert.deepEqual(org?.services.map((service) => service.id).sort(), ['dechets', 'etat-civil', 'piscine', 'urbanisme']);
        assert.deepEqual(org?.allowedOrigins, ['http://localhost:8787', 'http://127.0.0.1:8787']);
      });

      test('is idempotent, keeps an admin’s edits, and adds the origins of a new port', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        const { id: _id, ...demo } = (await app.storage.orgs.find(DEMO_ORG.id))!;
        await app.storage.orgs.update(DEMO_ORG.id, { ...demo, name: 'Ville renommée' });

        await seedDemoOrg(app.storage.orgs, 8787);
        const unchanged = await app.storage.orgs.find(DEMO_ORG.id);
        await seedDemoOrg(app.storage.orgs, 9000);
        const moved = await app.storage.orgs.find(DEMO_ORG.id);

        assert.equal(unchanged?.name, 'Ville renommée');
        assert.deepEqual(unchanged?.allowedOrigins, ['http://localhost:8787', 'http://127.0.0.1:8787']);
        assert.deepEqual(moved?.allowedOrigins, [
          'http://localhost:8787',
          'http://127.0.0.1:8787',
          'http://localhost:9000',
          'http://127.0.0.1:9000',
        ]);
        assert.equal(moved?.name, 'Ville renommée');
      });

      test('two instances seeding at the same moment on different ports: one org, the origins of both', async (t) => {
        const app = await startApp(t, db);
        await Promise.all([seedDemoOrg(app.storage.orgs, 8787), seedDemoOrg(app.storage.orgs, 9000)]);
        const org = await app.storage.orgs.find(DEMO_ORG.id);
        assert.deepEqual([...(org?.allowedOrigins ?? [])].sort(), ['http://127.0.0.1:8787', 'http://127.0.0.1:9000', 'http://localhost:8787', 'http://localhost:9000']);
      });
    });
  });
}
