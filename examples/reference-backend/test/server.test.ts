import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test, type TestContext } from 'node:test';
import type { DatabaseConfig } from '../src/config.js';
import { databaseUrl, describeDatabase, testDatabases, type TestDatabase } from './databases.js';
import { aRating, openTestStorage } from './helpers.js';

const backendDir = join(import.meta.dirname, '..');
const URL_LINE = /reference backend: (http:\/\/\S+?)\/$/;
const TOKEN_LINE = /admin token for this run: (\S+)$/;
const INVITATION_LINE = /^Agents' survey, one response per link: http:\/\/[^/]+:\d+\/intranet\.html#token=([0-9a-f]{40})$/;
const READER_LINE = /^Agents' survey results of last year, for a manager: http:\/\/[^/]+:\d+\/intranet-resultats\.html#token=([0-9a-f]{40})$/;

interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Every line printed so far on stdout. */
  output: string[];
  database: DatabaseConfig;
}

/** Starts src/server.ts as `npm run serve` would (cwd: the workspace), on a free port and a fresh database. */
async function startServer(t: TestContext, db: TestDatabase, env: Record<string, string> = {}): Promise<RunningServer> {
  const { CIVIC_ADMIN_TOKEN: _token, DATABASE_URL: _url, ...inherited } = process.env;
  const database = await db.create(t);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: backendDir,
    env: { ...inherited, PORT: '0', DATABASE_URL: databaseUrl(database), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => child.kill('SIGKILL'));
  const output: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const url = URL_LINE.exec(line)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', () => reject(new Error(`the server stopped before printing its URL:\n${output.join('\n')}`)));
  });
  return { child, url: await ready, output, database };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('server.ts', { timeout: 30_000 }, () => {
      test('starts, seeds the demo org, prints a generated admin token, and stops cleanly on SIGTERM', async (t) => {
        const { child, url, output } = await startServer(t, db);
        const token = output.map((line) => TOKEN_LINE.exec(line)?.[1]).find(Boolean);
        assert.ok(token, `no token printed:\n${output.join('\n')}`);
        const origin = `http://localhost:${new URL(url).port}`;

        const health = await fetch(`${url}/healthz`);
        const demo = await fetch(`${url}/v1/admin/orgs/ville-exemple`, { headers: { authorization: `Bearer ${token}` } });
        const rating = await fetch(`${url}/v1/orgs/ville-exemple/ratings`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify(aRating({ service: 'piscine' })),
        });

        assert.deepEqual(await health.json(), { status: 'ok' });
        assert.equal(demo.status, 200);
        assert.ok(((await demo.json()) as { allowedOrigins: string[] }).allowedOrigins.includes(origin));
        assert.equal(rating.status, 201);
        assert.equal(rating.headers.get('access-control-allow-origin'), origin);
        assert.equal(await stop(child, 'SIGTERM'), 0);
      });

      test('prints ready-to-click links of the demo surveys, before the URL: invitations that open this year’s, a read token of last year’s results', async (t) => {
        const { child, url, output } = await startServer(t, db);
        const invitations = output.flatMap((line) => INVITATION_LINE.exec(line)?.[1] ?? []);
        const readers = output.flatMap((line) => READER_LINE.exec(line)?.[1] ?? []);
        assert.equal(invitations.length, 3, output.join('\n'));
        assert.equal(readers.length, 1, output.join('\n'));
        assert.ok(output.every((line) => !/#token=/.test(line) || line.includes(`${url}/intranet`)), output.join('\n'));
        assert.match(output.at(-1) ?? '', URL_LINE);

        const survey = await fetch(`${url}/v1/surveys/qualite-de-service`, { headers: { authorization: `Bearer ${invitations[0]}` } });
        const results = await fetch(`${url}/v1/surveys/qualite-de-service-precedente/results`, { headers: { authorization: `Bearer ${readers[0]}` } });
        assert.equal(survey.status, 200);
        assert.equal(results.status, 200);
        assert.equal(((await results.json()) as { published: boolean }).published, true);
        assert.equal(await stop(child, 'SIGTERM'), 0);
      });

      test('with CIVIC_ADMIN_TOKEN set, uses it, prints no token, and stops cleanly on SIGINT', async (t) => {
        const { child, url, output } = await startServer(t, db, { CIVIC_ADMIN_TOKEN: 'token-from-the-environment' });
        const demo = await fetch(`${url}/v1/admin/orgs/ville-exemple`, { headers: { authorization: 'Bearer token-from-the-environment' } });
        assert.equal(demo.status, 200);
        assert.equal(await stop(child, 'SIGINT'), 0);
        // The demo surveys' links carry their own tokens; the admin token is never printed.
        assert.doesNotMatch(output.join('\n'), /admin token|token-from-the-environment/i);
      });

      test('a rating is acknowledged once committed: killed (SIGKILL) right after the 201s, the server has them all', async (t) => {
        const { child, url, database } = await startServer(t, db);
        const origin = `http://localhost:${new URL(url).port}`;
        const ratings = Array.from({ length: 30 }, () => aRating({ service: 'piscine', comment: 'Bassin propre' }));
        const answers = await Promise.all(
          ratings.map((rating) =>
            fetch(`${url}/v1/orgs/ville-exemple/ratings`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify(rating) }),
          ),
        );
        assert.deepEqual(answers.map((answer) => answer.status), ratings.map(() => 201));
        assert.equal(await stop(child, 'SIGKILL'), null);

        const storage = await openTestStorage(t, db, database);
        for (const rating of ratings) assert.ok(await storage.ratings.findSubmission(rating.id), rating.id);
      });
    });
  });
}
