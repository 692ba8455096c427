import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startApp, startAppWithTown, TOWN } from './helpers.js';

const { id: _id, ...townUpdate } = TOWN;

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('admin authentication', () => {
      const adminRequests = [
        { method: 'POST', url: '/v1/admin/orgs', payload: TOWN },
        { method: 'GET', url: `/v1/admin/orgs/${TOWN.id}` },
        { method: 'PUT', url: `/v1/admin/orgs/${TOWN.id}`, payload: townUpdate },
        { method: 'GET', url: `/v1/admin/orgs/${TOWN.id}/ratings` },
      ] as const;

      test('no token: 401 unauthorized with a Bearer challenge, on every admin route', async (t) => {
        const app = await startAppWithTown(t, db);
        for (const request of adminRequests) {
          const response = await app.inject(request);
          assert.equal(errorOf(response, 401).code, 'unauthorized', `${request.method} ${request.url}`);
          assert.match(String(response.headers['www-authenticate']), /^Bearer /);
        }
      });

      test('a wrong token: 403 forbidden, on every admin route', async (t) => {
        const app = await startAppWithTown(t, db);
        for (const authorization of ['Bearer not-the-token', 'Bearer test-admin-token-012345678', `Basic ${ADMIN.authorization.slice(7)}`]) {
          for (const request of adminRequests) {
            const response = await app.inject({ ...request, headers: { authorization } });
            const [status, code] = authorization.startsWith('Basic') ? [401, 'unauthorized'] : [403, 'forbidden'];
            assert.equal(errorOf(response, status).code, code, `${authorization} on ${request.method} ${request.url}`);
          }
        }
      });

      test('a refused admin request changes nothing', async (t) => {
        const app = await startApp(t, db);
        await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: { authorization: 'Bearer wrong' }, payload: TOWN });
        assert.equal(await app.storage.orgs.find(TOWN.id), undefined);
      });
    });

    describe('/v1/admin/orgs', () => {
      test('POST creates an org: 201, Location, and GET reads it back', async (t) => {
        const app = await startApp(t, db);

        const created = await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: TOWN });

        assert.equal(created.statusCode, 201);
        assert.equal(created.headers.location, `/v1/admin/orgs/${TOWN.id}`);
        const read = await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}`, headers: ADMIN });
        assert.equal(read.statusCode, 200);
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        assert.deepEqual(read.json(), { ...TOWN, services: [...TOWN.services].sort(byId) });
        assert.deepEqual(created.json(), read.json());
      });

      test('POST with an id that exists: 409 org-exists, the first org untouched', async (t) => {
        const app = await startAppWithTown(t, db);
        const again = await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: { ...TOWN, name: 'Autre' } });
        assert.equal(errorOf(again, 409).code, 'org-exists');
        assert.equal((await app.storage.orgs.find(TOWN.id))?.name, TOWN.name);
      });

      const invalidOrgs = [
        { name: 'an id with capitals', body: { ...TOWN, id: 'Ville' }, fields: ['id'] },
        { name: 'an origin with a path', body: { ...TOWN, allowedOrigins: ['https://ville.fr/page'] }, fields: ['allowedOrigins.0'] },
        { name: 'no services', body: { ...TOWN, services: [] }, fields: ['services'] },
        { name: 'a service without a name', body: { ...TOWN, services: [{ id: 'piscine' }] }, fields: ['services.0.name'] },
        {
          name: 'two services with one id',
          body: { ...TOWN, services: [TOWN.services[0], TOWN.services[1], { ...TOWN.services[0], name: 'Bis' }] },
          fields: ['services.2.id'],
        },
      ];
      for (const { name, body, fields } of invalidOrgs) {
        test(`POST with ${name}: 400 naming ${fields.join(', ')}`, async (t) => {
          const app = await startApp(t, db);
          const error = errorOf(await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: body }), 400);
          assert.equal(error.code, 'invalid-body');
          assert.deepEqual(fieldPaths(error), fields);
        });
      }

      test('PUT replaces name, origins and services: 200 with the new org', async (t) => {
        const app = await startAppWithTown(t, db);
        const update = {
          name: 'Ville de Test (nouvelle)',
          allowedOrigins: ['https://ville-test.fr', 'https://www.ville-test.fr'],
          services: [{ id: 'urbanisme', name: 'Urbanisme' }],
        };

        const response = await app.inject({ method: 'PUT', url: `/v1/admin/orgs/${TOWN.id}`, headers: ADMIN, payload: update });

        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), { id: TOWN.id, ...update });
        assert.deepEqual(await app.storage.orgs.find(TOWN.id), { id: TOWN.id, ...update });
      });

      test('PUT with the id in the body: 400, since the URL names the org', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'PUT', url: `/v1/admin/orgs/${TOWN.id}`, headers: ADMIN, payload: TOWN });
        assert.equal(errorOf(response, 400).code, 'invalid-body');
      });

      test('GET and PUT of an unknown org: 404 unknown-org', async (t) => {
        const app = await startAppWithTown(t, db);
        const get = await app.inject({ method: 'GET', url: '/v1/admin/orgs/nulle-part', headers: ADMIN });
        const put = await app.inject({ method: 'PUT', url: '/v1/admin/orgs/nulle-part', headers: ADMIN, payload: townUpdate });
        assert.equal(errorOf(get, 404).code, 'unknown-org');
        assert.equal(errorOf(put, 404).code, 'unknown-org');
      });
    });
  });
}
