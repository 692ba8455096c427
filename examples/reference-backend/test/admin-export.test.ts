import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { neutralizeFormula } from '../src/export/csv.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, aRating, errorOf, fieldPaths, startAppWithTown, submitRating, TOWN } from './helpers.js';

const exportUrl = (query = '') => `/v1/admin/orgs/${TOWN.id}/ratings${query}`;

async function exportRatings(app: FastifyInstance, query = '') {
  return app.inject({ method: 'GET', url: exportUrl(query), headers: ADMIN });
}

async function submitAll(app: FastifyInstance, ratings: ReturnType<typeof aRating>[]): Promise<void> {
  for (const rating of ratings) assert.equal((await submitRating(app, rating)).statusCode, 201);
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('GET /v1/admin/orgs/:org/ratings', () => {
      test('JSON by default: every rating with its normalized score and receipt time, oldest first', async (t) => {
        const app = await startAppWithTown(t, db);
        const later = aRating({ occurredAt: '2025-03-15T10:00:00Z', scale: 'stars-5', score: 5, reasons: ['welcome'], comment: 'Parfait' });
        const earlier = aRating({ occurredAt: '2025-03-14T10:00:00+01:00', scale: 'smileys-3', score: 1, kioskId: 'hall' });
        await submitAll(app, [later, earlier]);

        const response = await exportRatings(app);

        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        const { org, ratings } = response.json();
        assert.equal(org, TOWN.id);
        assert.deepEqual(
          ratings.map(({ receivedAt: _receivedAt, ...rest }: { receivedAt: string }) => rest),
          [
            { ...earlier, occurredAt: '2025-03-14T09:00:00.000Z', reasons: [], normalized: 0 },
            { ...later, occurredAt: '2025-03-15T10:00:00.000Z', normalized: 100 },
          ],
        );
        assert.ok(ratings.every((rating: { receivedAt: string }) => !Number.isNaN(Date.parse(rating.receivedAt))));
      });

      test('from and to keep the ratings that occurred in between; a date as to includes that day', async (t) => {
        const app = await startAppWithTown(t, db);
        const days = ['2025-03-13T23:59:59Z', '2025-03-14T00:00:00Z', '2025-03-15T23:59:59Z', '2025-03-16T00:00:00Z'];
        const ratings = days.map((occurredAt) => aRating({ occurredAt }));
        await submitAll(app, ratings);
        const idsOf = async (query: string) => (await exportRatings(app, query)).json().ratings.map((rating: { id: string }) => rating.id);

        assert.deepEqual(await idsOf('?from=2025-03-14&to=2025-03-15'), [ratings[1]?.id, ratings[2]?.id]);
        assert.deepEqual(await idsOf('?from=2025-03-14T00:00:01Z'), [ratings[2]?.id, ratings[3]?.id]);
        assert.deepEqual(await idsOf('?to=2025-03-14T00:00:00Z'), [ratings[0]?.id]);
      });

      test('CSV: UTF-8 BOM, a header row, RFC 4180 quoting, a download file name', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = aRating({ comment: 'Accueil "très" chaleureux,\nmerci', reasons: ['welcome', 'waiting-time'] });
        await submitAll(app, [rating]);

        const response = await exportRatings(app, '?format=csv');

        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
        assert.equal(response.headers['content-disposition'], `attachment; filename="civic-pulse-${TOWN.id}-ratings.csv"`);
        assert.equal(response.headers['cache-control'], 'no-store');
        const { receivedAt } = (await exportRatings(app)).json().ratings[0];
        assert.equal(
          response.body,
          '\uFEFFid,occurredAt,receivedAt,service,channel,source,scale,score,normalized,reasons,comment,kioskId\r\n' +
            `${rating.id},${rating.occurredAt},${receivedAt},etat-civil,counter,kiosk,smileys-5,4,75,welcome|waiting-time,` +
            '"Accueil ""très"" chaleureux,\nmerci",\r\n',
        );
      });

      test('CSV: a comment that starts like a spreadsheet formula is made plain text', async (t) => {
        const app = await startAppWithTown(t, db);
        const comments = ['=HYPERLINK("http://evil.example","clic")', '+33 1 23 45 67 89', '-2+3', '@SUM(A1)', 'ok = fine'];
        await submitAll(app, comments.map((comment, index) => aRating({ comment, occurredAt: `2025-03-1${index}T10:00:00.000Z` })));

        const response = await exportRatings(app, '?format=csv');

        const exported = response.body
          .split('\r\n')
          .slice(1, -1)
          .map((line) => line.split(',').slice(10, -1).join(','));
        assert.deepEqual(exported, [`"'=HYPERLINK(""http://evil.example"",""clic"")"`, "'+33 1 23 45 67 89", "'-2+3", "'@SUM(A1)", 'ok = fine']);
      });

      test('neutralizeFormula also covers tab and carriage return, the other formula triggers', () => {
        assert.equal(neutralizeFormula('\t=1+1'), "'\t=1+1");
        assert.equal(neutralizeFormula('\r=1+1'), "'\r=1+1");
        assert.equal(neutralizeFormula('Très bien'), 'Très bien');
      });

      test('only the org in the URL is exported', async (t) => {
        const app = await startAppWithTown(t, db);
        await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: { ...TOWN, id: 'autre-ville' } });
        await submitAll(app, [aRating()]);
        const other = await app.inject({ method: 'GET', url: '/v1/admin/orgs/autre-ville/ratings', headers: ADMIN });
        assert.deepEqual(other.json(), { org: 'autre-ville', ratings: [] });
      });

      const badQueries = [
        { query: '?format=xlsx', fields: ['format'] },
        { query: '?format=csv&format=json', fields: ['format'] },
        { query: '?from=yesterday', fields: ['from'] },
        { query: '?to=2025-02-30', fields: ['to'] },
        { query: '?from=2025-03-15&to=2025-03-14', fields: ['to'] },
      ];
      for (const { query, fields } of badQueries) {
        test(`${query}: 400 invalid-query naming ${fields.join(', ')}`, async (t) => {
          const app = await startAppWithTown(t, db);
          const error = errorOf(await exportRatings(app, query), 400);
          assert.equal(error.code, 'invalid-query');
          assert.deepEqual(fieldPaths(error), fields);
        });
      }

      test('an unknown org: 404 unknown-org', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'GET', url: '/v1/admin/orgs/nulle-part/ratings', headers: ADMIN });
        assert.equal(errorOf(response, 404).code, 'unknown-org');
      });
    });
  });
}
