import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../src/app.js';
import { sqlite } from './databases.js';
import { ADMIN_TOKEN, startApp } from './helpers.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { type?: string; properties?: Record<string, unknown>; required?: string[] }> };
}

async function fetchDocument(t: Parameters<typeof startApp>[0]): Promise<OpenApiDocument> {
  const app = await startApp(t, sqlite);
  const response = await app.inject({ method: 'GET', url: '/v1/openapi.json' });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  return JSON.parse(response.body) as OpenApiDocument;
}

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => (key === '$ref' && typeof entry === 'string' ? [entry] : refsIn(entry)));
}

// The document is built from code alone: one engine is enough (databases.ts runs the storage tests on both).
describe('GET /v1/openapi.json', () => {
  test('is an OpenAPI 3.1 document whose rating path uses the contract schemas', async (t) => {
    const document = await fetchDocument(t);

    assert.equal(document.openapi, '3.1.0');
    const submit = document.paths['/v1/orgs/{org}/ratings']?.post;
    assert.ok(submit, 'POST /v1/orgs/{org}/ratings is described');
    assert.deepEqual(submit.requestBody, {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Rating' } } },
    });
    for (const status of ['200', '201', '400', '404', '413', '415', '422']) assert.ok(submit.responses[status], status);
  });

  test('the component schemas are the contract, converted from its zod schemas', async (t) => {
    const { components } = await fetchDocument(t);
    const rating = components.schemas.Rating;

    assert.equal(rating?.type, 'object');
    assert.deepEqual(rating?.required, ['id', 'service', 'channel', 'source', 'scale', 'score', 'occurredAt']);
    assert.deepEqual(rating?.properties?.channel, { type: 'string', enum: ['counter', 'phone', 'email', 'web', 'mail', 'social'] });
    assert.deepEqual(rating?.properties?.comment, { type: 'string', maxLength: 1000 });
    assert.ok(components.schemas.Receipt && components.schemas.Org && components.schemas.OrgUpdate && components.schemas.Error);
    assert.ok(!('$schema' in (rating ?? {})) && !('$id' in (rating ?? {})));
  });

  test('every $ref points at a schema the document has', async (t) => {
    const document = await fetchDocument(t);
    const refs = new Set(refsIn(document));
    assert.ok(refs.size > 3);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      assert.ok(document.components.schemas[name], `${ref} resolves`);
    }
  });

  test('documents every route the app has, and nothing it has not', async (t) => {
    const app = buildApp({ database: await sqlite.create(t), adminToken: ADMIN_TOKEN });
    t.after(() => app.close());
    const routes = new Set<string>();
    app.addHook('onRoute', ({ method, url }) => {
      for (const verb of [method].flat()) {
        if (verb === 'HEAD' || verb === 'OPTIONS') continue;
        routes.add(`${verb.toLowerCase()} ${url.replace(/:(\w+)/g, '{$1}')}`);
      }
    });
    await app.ready();
    const document = (await app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<OpenApiDocument>();
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );

    assert.deepEqual([...routes].sort(), documented.sort());
  });
});
