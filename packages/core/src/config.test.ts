import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createMemoryAdapter } from './adapters/memory.js';
import { configFromScript, configure, getConfiguration, resetConfiguration } from './config.js';

afterEach(resetConfiguration);

describe('configure', () => {
  test('starts empty', () => {
    assert.deepEqual(getConfiguration(), {});
  });

  test('merges: a later call changes only the keys it names', () => {
    configure({ endpoint: 'https://avis.ville.fr', org: 'ville' });
    configure({ lang: 'en' });
    configure({ org: 'agglo' });
    assert.deepEqual(getConfiguration(), { endpoint: 'https://avis.ville.fr', org: 'agglo', lang: 'en' });
  });

  test('is shared by two copies of the SDK on one page', async () => {
    configure({ org: 'ville' });
    // A second evaluation of the module, as a CDN embed next to an npm bundle would have.
    const copy: typeof import('./config.js') = await import(`./config.js?copy=${Date.now()}`);
    assert.notEqual(copy.getConfiguration, getConfiguration, 'a second copy of the module');
    assert.equal(copy.getConfiguration().org, 'ville');
  });

  test('resetConfiguration forgets everything, the adapter too', () => {
    configure({ org: 'ville', adapter: createMemoryAdapter() });
    resetConfiguration();
    assert.deepEqual(getConfiguration(), {});
  });
});

describe('configFromScript', () => {
  // Just what configFromScript reads; the widgets' browser tests run it against a real <script>.
  const script = (src: string, dataset: Record<string, string>) => ({ src, dataset }) as unknown as HTMLScriptElement;

  test('reads data-endpoint, data-org and data-lang', () => {
    const config = configFromScript(script('https://cdn.example/civic-pulse.js', { endpoint: 'https://avis.ville.fr', org: 'ville', lang: 'en' }));
    assert.deepEqual(config, { endpoint: 'https://avis.ville.fr', org: 'ville', lang: 'en' });
  });

  test('without data-endpoint, the backend is where the script came from', (t) => {
    const page = globalThis as { document?: Pick<Document, 'baseURI'> };
    assert.equal(page.document, undefined, 'these tests expect Node, without a DOM');
    page.document = { baseURI: 'https://www.ville.fr/demarches/' };
    t.after(() => delete page.document);
    assert.deepEqual(configFromScript(script('/civic/civic-pulse.js', { org: 'ville' })), { endpoint: 'https://www.ville.fr', org: 'ville' });
    assert.deepEqual(configFromScript(script('https://avis.ville.fr/cdn/civic-pulse.js', {})), { endpoint: 'https://avis.ville.fr' });
  });
});
