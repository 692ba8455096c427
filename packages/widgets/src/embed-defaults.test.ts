import { expect } from '@open-wc/testing';
import { configure, getConfiguration } from '@civic-pulse/core';

describe('embed without data-endpoint', () => {
  it('talks to the server it came from, and keeps what the page configured in code', async () => {
    configure({ org: 'configured-in-code' });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = new URL('/packages/widgets/src/embed.ts', location.href).href;
    script.dataset.org = 'from-the-tag';
    const loaded = new Promise((resolve) => (script.onload = resolve));
    document.head.append(script);
    await loaded;
    expect(getConfiguration()).to.include({ endpoint: location.origin, org: 'configured-in-code' });
  });
});
