import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { describeDatabase, testDatabases } from './databases.js';
import { aRating, startAppWithTown, submitRating } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('request logs', () => {
      test('name the method, URL and status, never the client address', async (t) => {
        const stream = new PassThrough();
        const lines: string[] = [];
        stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
        const app = await startAppWithTown(t, db, { logger: { level: 'info', stream } });

        await submitRating(app, aRating(), { headers: { 'x-forwarded-for': '203.0.113.7' } });

        const entries = lines.map((line) => JSON.parse(line) as { msg: string; req?: object; res?: { statusCode: number } });
        const incoming = entries.find((entry) => entry.msg === 'incoming request' && JSON.stringify(entry.req).includes('/ratings'));
        assert.deepEqual(incoming?.req, { method: 'POST', url: '/v1/orgs/ville-test/ratings' });
        assert.ok(entries.some((entry) => entry.res?.statusCode === 201));
        for (const line of lines) {
          assert.doesNotMatch(line, /remoteAddress|remotePort|127\.0\.0\.1|203\.0\.113\.7/, line);
        }
      });
    });
  });
}
