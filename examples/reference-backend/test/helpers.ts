import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Org, Rating } from '@civic-pulse/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../src/app.js';
import type { DatabaseConfig } from '../src/config.js';
import { openStorage, type Storage } from '../src/storage/index.js';
import type { TestDatabase } from './databases.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };

export async function makeTempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'civic-pulse-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A loaded app, closed when the test ends, on a fresh database of the given engine unless
 * `options.database` names one (two apps sharing a database, as two instances would).
 */
export async function startApp(t: TestContext, db: TestDatabase, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const database = options.database ?? (await db.create(t));
  const app = buildApp({ adminToken: ADMIN_TOKEN, ...options, database });
  t.after(() => app.close());
  await app.ready();
  return app;
}

/** The storage layer alone, migrated, on a fresh database unless `database` names one; closed when the test ends. */
export async function openTestStorage(t: TestContext, db: TestDatabase, database?: DatabaseConfig): Promise<Storage> {
  const storage = await openStorage(database ?? (await db.create(t)));
  t.after(() => storage.close());
  return storage;
}

export const TOWN: Org = {
  id: 'ville-test',
  name: 'Ville de Test',
  allowedOrigins: ['https://www.ville-test.fr'],
  services: [
    { id: 'etat-civil', name: 'État civil' },
    { id: 'piscine', name: 'Piscine municipale' },
  ],
};

/** An app with TOWN created through the admin API. */
export async function startAppWithTown(t: TestContext, db: TestDatabase, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await startApp(t, db, options);
  const created = await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: TOWN });
  if (created.statusCode !== 201) throw new Error(`could not create the test org: ${created.body}`);
  return app;
}

export function aRating(overrides: Partial<Rating> = {}): Rating {
  return {
    id: randomUUID(),
    service: 'etat-civil',
    channel: 'counter',
    source: 'kiosk',
    scale: 'smileys-5',
    score: 4,
    occurredAt: '2025-03-14T09:30:00.000Z',
    ...overrides,
  };
}

export function submitRating(
  app: FastifyInstance,
  payload: unknown,
  { org = TOWN.id, headers = {} }: { org?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/orgs/${org}/ratings`, headers, payload: payload as object });
}

interface ErrorAnswer {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

/** The parsed Error body, after checking the status and that it is JSON. */
export function errorOf(response: LightMyRequestResponse, status: number): ErrorAnswer['error'] {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  if (!String(response.headers['content-type']).startsWith('application/json')) {
    throw new Error(`expected a JSON error, got ${response.headers['content-type']}`);
  }
  return response.json<ErrorAnswer>().error;
}

/** The paths named in an error's `fields`. */
export const fieldPaths = (error: ErrorAnswer['error']): string[] => (error.fields ?? []).map((field) => field.path);
