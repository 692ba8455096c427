import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, aRating, errorOf, fieldPaths, startAppWithTown, submitRating, TOWN } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('POST /v1/orgs/:org/ratings', () => {
      test('records a rating: 201 with a receipt, the normalized score stored', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating({ scale: 'smileys-5', score: 4, reasons: ['waiting-time'], comment: 'Un peu long', kioskId: 'mairie-hall' });

        const response = await submitRating(app, rating);

        assert.equal(response.statusCode, 201);
        const receipt = response.json();
        assert.equal(receipt.id, rating.id);
        assert.ok(Math.abs(Date.parse(receipt.receivedAt) - Date.now()) < 60_000, 'receivedAt is now');
        const row = await app.storage.db.selectFrom('ratings').selectAll().where('id', '=', rating.id).executeTakeFirstOrThrow();
        assert.equal(row.org_id, TOWN.id);
        assert.equal(row.normalized, 75);
        assert.equal(row.reasons, '["waiting-time"]');
        assert.equal(row.comment, 'Un peu long');
        assert.equal(row.kiosk_id, 'mairie-hall');
        assert.equal(row.received_at, receipt.receivedAt);
      });

      test('normalizes every scale onto 0..100', async (t) => {
        const app = await startAppWithTown(t, db);
        const cases = [
          { scale: 'smileys-3', score: 1, normalized: 0 },
          { scale: 'smileys-3', score: 2, normalized: 50 },
          { scale: 'smileys-3', score: 3, normalized: 100 },
          { scale: 'stars-5', score: 2, normalized: 25 },
          { scale: 'stars-5', score: 5, normalized: 100 },
        ] as const;
        for (const { scale, score, normalized } of cases) {
          const rating = aRating({ scale, score });
          assert.equal((await submitRating(app, rating)).statusCode, 201);
          const row = await app.storage.db.selectFrom('ratings').select('normalized').where('id', '=', rating.id).executeTakeFirstOrThrow();
          assert.equal(row.normalized, normalized, `${scale} ${score}`);
        }
      });

      test('keeps the daily aggregate per service, channel and UTC day in step', async (t) => {
        const app = await startAppWithTown(t, db);
        const ratings = [
          aRating({ channel: 'counter', scale: 'smileys-5', score: 5, occurredAt: '2025-03-14T08:00:00Z' }),
          aRating({ channel: 'counter', scale: 'smileys-3', score: 2, occurredAt: '2025-03-14T17:00:00+02:00' }),
          aRating({ channel: 'counter', scale: 'smileys-5', score: 1, occurredAt: '2025-03-14T23:30:00-02:00' }),
          aRating({ channel: 'phone', scale: 'smileys-5', score: 3, occurredAt: '2025-03-14T10:00:00Z' }),
        ];
        for (const rating of ratings) assert.equal((await submitRating(app, rating)).statusCode, 201);
        // A replay must not count twice.
        assert.equal((await submitRating(app, ratings[0])).statusCode, 200);

        const rows = await app.storage.db
          .selectFrom('rating_daily')
          .select(['service', 'channel', 'day', 'count', 'sum_normalized'])
          .where('org_id', '=', TOWN.id)
          .orderBy('channel')
          .orderBy('day')
          .execute();
        assert.deepEqual(rows, [
          { service: 'etat-civil', channel: 'counter', day: '2025-03-14', count: 2, sum_normalized: 150 },
          { service: 'etat-civil', channel: 'counter', day: '2025-03-15', count: 1, sum_normalized: 0 },
          { service: 'etat-civil', channel: 'phone', day: '2025-03-14', count: 1, sum_normalized: 50 },
        ]);
      });

      test('a retry with the same body gets 200 and the very same receipt, and stores nothing more', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating();
        const first = await submitRating(app, rating);
        const retry = await submitRating(app, { ...rating });
        const reordered = await submitRating(app, Object.fromEntries(Object.entries(rating).reverse()));

        assert.equal(first.statusCode, 201);
        assert.equal(retry.statusCode, 200);
        assert.deepEqual(retry.json(), first.json());
        assert.equal(reordered.statusCode, 200, 'key order is not part of the body');
        const { count } = await app.storage.db
          .selectFrom('ratings')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(count), 1);
      });

      test('the same id with another body is refused with 422 idempotency-conflict', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating({ score: 5 });
        assert.equal((await submitRating(app, rating)).statusCode, 201);

        const changed = await submitRating(app, { ...rating, score: 1 });

        assert.equal(errorOf(changed, 422).code, 'idempotency-conflict');
        const row = await app.storage.db.selectFrom('ratings').select('score').where('id', '=', rating.id).executeTakeFirstOrThrow();
        assert.equal(row.score, 5);
      });

      test('the same id sent to another org is a conflict too', async (t) => {
        const app = await startAppWithTown(t, db);
        await app.inject({
          method: 'POST',
          url: '/v1/admin/orgs',
          headers: ADMIN,
          payload: { ...TOWN, id: 'autre-ville' },
        });
        const rating = aRating();
        assert.equal((await submitRating(app, rating)).statusCode, 201);
        assert.equal(errorOf(await submitRating(app, rating, { org: 'autre-ville' }), 422).code, 'idempotency-conflict');
      });

      test('twenty identical submissions at once end as one row and twenty identical receipts', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating();

        const responses = await Promise.all(Array.from({ length: 20 }, () => submitRating(app, rating)));

        assert.deepEqual(
          responses.map((response) => response.statusCode).sort(),
          [...Array(19).fill(200), 201],
        );
        const receipts = new Set(responses.map((response) => response.body));
        assert.equal(receipts.size, 1);
        const rows = await app.storage.db.selectFrom('ratings').select('id').execute();
        assert.equal(rows.length, 1);
        const daily = await app.storage.db.selectFrom('rating_daily').select('count').executeTakeFirstOrThrow();
        assert.equal(daily.count, 1);
      });

      test('Idempotency-Key equal to the id is accepted, a different one is a 400', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating();
        assert.equal((await submitRating(app, rating, { headers: { 'idempotency-key': rating.id } })).statusCode, 201);

        const other = aRating();
        const mismatch = errorOf(await submitRating(app, other, { headers: { 'idempotency-key': rating.id } }), 400);

        assert.equal(mismatch.code, 'idempotency-key-mismatch');
        assert.deepEqual(fieldPaths(mismatch), ['id']);
        const stored = await app.storage.db.selectFrom('ratings').select('id').where('id', '=', other.id).executeTakeFirst();
        assert.equal(stored, undefined);
      });

      test('an unknown org is a 404 unknown-org', async (t) => {
        const app = await startAppWithTown(t, db);
        assert.equal(errorOf(await submitRating(app, aRating(), { org: 'nulle-part' }), 404).code, 'unknown-org');
      });

      test('a service the org does not have is a 400 naming service', async (t) => {
        const app = await startAppWithTown(t, db);
        const error = errorOf(await submitRating(app, aRating({ service: 'urbanisme' })), 400);
        assert.equal(error.code, 'unknown-service');
        assert.deepEqual(fieldPaths(error), ['service']);
      });

      test('a retry still gets its receipt after its service was taken off the list', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating({ service: 'piscine' });
        const first = await submitRating(app, rating);
        const { id: _id, ...update } = TOWN;
        await app.inject({
          method: 'PUT',
          url: `/v1/admin/orgs/${TOWN.id}`,
          headers: ADMIN,
          payload: { ...update, services: [TOWN.services[0]] },
        });

        const retry = await submitRating(app, rating);

        assert.equal(retry.statusCode, 200);
        assert.deepEqual(retry.json(), first.json());
      });
    });

    describe('POST /v1/orgs/:org/ratings with a body that breaks the contract', () => {
      const { id: _id, ...withoutId } = aRating();
      const cases: { name: string; body: unknown; fields: string[] }[] = [
        { name: 'a missing id', body: withoutId, fields: ['id'] },
        { name: 'an id that is not a UUID', body: aRating({ id: 'abc' }), fields: ['id'] },
        { name: 'a score of the wrong type', body: { ...aRating(), score: 'four' }, fields: ['score'] },
        { name: 'a score outside its scale', body: aRating({ scale: 'smileys-3', score: 4 }), fields: ['score'] },
        { name: 'a score of zero', body: aRating({ score: 0 }), fields: ['score'] },
        { name: 'a fractional score', body: aRating({ score: 2.5 }), fields: ['score'] },
        { name: 'an unknown channel', body: { ...aRating(), channel: 'pigeon' }, fields: ['channel'] },
        { name: 'an unknown source', body: { ...aRating(), source: 'fax' }, fields: ['source'] },
        { name: 'an unknown scale', body: { ...aRating(), scale: 'stars-10' }, fields: ['scale'] },
        { name: 'an unknown reason', body: { ...aRating(), reasons: ['rudeness'] }, fields: ['reasons.0'] },
        { name: 'a reason given twice', body: aRating({ reasons: ['welcome', 'welcome'] }), fields: ['reasons'] },
        { name: 'a comment over 1000 characters', body: aRating({ comment: 'é'.repeat(1001) }), fields: ['comment'] },
        { name: 'an occurredAt that is no instant', body: aRating({ occurredAt: 'hier' }), fields: ['occurredAt'] },
        { name: 'a field the contract does not have', body: { ...aRating(), ip: '1.2.3.4' }, fields: ['ip'] },
        { name: 'a JSON array', body: [aRating()], fields: ['(body)'] },
        { name: 'a JSON string', body: JSON.stringify('a rating'), fields: ['(body)'] },
        { name: 'JSON null', body: 'null', fields: ['(body)'] },
      ];
      test('each bad field gets a message that says what is wrong with it', async (t) => {
        const app = await startAppWithTown(t, db);
        const body = { ...aRating({ comment: 'é'.repeat(1001) }), channel: 'pigeon' };

        const error = errorOf(await submitRating(app, JSON.stringify(body), { headers: { 'content-type': 'application/json' } }), 400);

        const messages = Object.fromEntries((error.fields ?? []).map((field: { path: string; message: string }) => [field.path, field.message]));
        assert.match(messages.comment, /1000/);
        assert.match(messages.channel, /counter/);
      });

      for (const { name, body, fields } of cases) {
        test(`${name}: 400 invalid-body naming ${fields.join(', ')}`, async (t) => {
          const app = await startAppWithTown(t, db);
          const payload = typeof body === 'string' ? body : JSON.stringify(body);

          const response = await submitRating(app, payload, { headers: { 'content-type': 'application/json' } });

          const error = errorOf(response, 400);
          assert.equal(error.code, 'invalid-body');
          assert.deepEqual(fieldPaths(error), fields);
        });
      }
    });
  });
}
