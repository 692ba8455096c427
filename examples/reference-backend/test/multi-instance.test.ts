import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { normalizeScore, type Rating } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, aRating, startApp, TOWN } from './helpers.js';

// Several stateless instances behind a load balancer, on one PostgreSQL. Two instances in one
// process over real sockets; SQLite is left out because two apps in one process on one file
// would wait for each other's lock inside better-sqlite3's synchronous busy wait, which blocks the
// very event loop that would release it (one machine runs one instance per SQLite file).
const postgres = (await testDatabases()).find((db) => db.name === 'postgres')!;

interface Instance {
  app: FastifyInstance;
  url: string;
}

/** Two apps on one fresh schema, both listening, TOWN created through the first. */
async function startTwoInstances(t: TestContext): Promise<[Instance, Instance]> {
  const database = await postgres.create(t);
  const instances = await Promise.all(
    [0, 1].map(async () => {
      const app = await startApp(t, postgres, { database });
      return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
    }),
  );
  const created = await post(instances[0]!, '/v1/admin/orgs', TOWN, ADMIN);
  assert.equal(created.status, 201);
  return instances as [Instance, Instance];
}

async function post(instance: Instance, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${instance.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

const submit = (instance: Instance, rating: Rating, headers: Record<string, string> = {}) =>
  post(instance, `/v1/orgs/${TOWN.id}/ratings`, rating, headers);

/** Runs `task` over `items` with at most `concurrency` in flight, as a pool of clients would. */
async function inParallel<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

describeDatabase(postgres, () => {
  test('the same ratings sent through both instances at once: one row each, one receipt each', async (t) => {
    const instances = await startTwoInstances(t);
    const ratings = Array.from({ length: 10 }, () => aRating());

    // Every copy of every rating in flight together, alternately through each instance.
    const answers = await Promise.all(
      ratings.flatMap((rating) => Array.from({ length: 10 }, (_, copy) => submit(instances[copy % 2]!, rating).then((answer) => ({ rating, answer })))),
    );

    for (const rating of ratings) {
      const mine = answers.filter((entry) => entry.rating === rating).map((entry) => entry.answer);
      assert.deepEqual(
        mine.map((answer) => answer.status).sort(),
        [...Array(9).fill(200), 201],
      );
      assert.equal(new Set(mine.map((answer) => answer.body)).size, 1, 'one receipt');
    }
    const { db } = instances[0].app.storage;
    assert.equal((await db.selectFrom('ratings').select('id').execute()).length, 10);
    const daily = await db.selectFrom('rating_daily').select(['count']).execute();
    assert.deepEqual(daily, [{ count: 10 }]);
  });

  test('1,000 ratings sent round-robin through both, 20 at a time: exactly 1,000 rows, counted 1,000 times', async (t) => {
    const instances = await startTwoInstances(t);
    const channels = ['counter', 'phone', 'web'] as const;
    const ratings = Array.from({ length: 1000 }, (_, index) =>
      aRating({ channel: channels[index % 3], score: 1 + (index % 5), occurredAt: `2025-03-${10 + (index % 4)}T10:00:00Z` }),
    );
    const statuses: number[] = [];

    await inParallel(ratings, 20, async (rating, index) => {
      statuses.push((await submit(instances[index % 2]!, rating)).status);
    });

    assert.deepEqual(statuses, Array(1000).fill(201));
    const { db } = instances[1].app.storage;
    assert.equal((await db.selectFrom('ratings').select('id').execute()).length, 1000);
    const totals = await db
      .selectFrom('rating_daily')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number>('count').as('count'), eb.fn.sum<number>('sum_normalized').as('sum')])
      .executeTakeFirstOrThrow();
    const sum = ratings.reduce((total, rating) => total + normalizeScore(rating.scale, rating.score), 0);
    assert.deepEqual(totals, { rows: 12, count: 1000, sum });
  });

  test('an origin an admin adds through one instance is granted by the other at its next request', async (t) => {
    const [first, second] = await startTwoInstances(t);
    const origin = 'https://nouveau.ville-test.fr';
    assert.equal((await submit(second, aRating(), { origin })).headers.get('access-control-allow-origin'), null);

    const { id: _id, ...update } = TOWN;
    const updated = await fetch(`${first.url}/v1/admin/orgs/${TOWN.id}`, {
      method: 'PUT',
      headers: { ...ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ ...update, allowedOrigins: [...TOWN.allowedOrigins, origin] }),
    });
    assert.equal(updated.status, 200);

    assert.equal((await submit(second, aRating(), { origin })).headers.get('access-control-allow-origin'), origin);
  });
});
