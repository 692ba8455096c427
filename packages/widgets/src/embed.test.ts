import { expect, fixture, html } from '@open-wc/testing';
import { getConfiguration } from '@civic-pulse/core';

/** Loads the embed the way a webmaster's page does: one module script tag with data-* attributes. */
function loadEmbed(data: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = new URL('/packages/widgets/src/embed.ts', location.href).href;
  Object.assign(script.dataset, data);
  const loaded = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('embed did not load'));
  });
  document.head.append(script);
  return loaded;
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe('embed (the <script> tag entry)', () => {
  it('takes its configuration from its own tag, loads the elements on the page, and those added later', async () => {
    await fixture(html`<civic-satisfaction-rating service="etat-civil"></civic-satisfaction-rating>`);
    expect(customElements.get('civic-satisfaction-rating')).to.equal(undefined);

    await loadEmbed({ endpoint: 'https://avis.ville-exemple.test', org: 'ville-exemple', lang: 'en' });
    expect(getConfiguration()).to.include({ endpoint: 'https://avis.ville-exemple.test', org: 'ville-exemple', lang: 'en' });
    await within(customElements.whenDefined('civic-satisfaction-rating'), 5000);
    // Only what the page uses is downloaded.
    expect(customElements.get('civic-pulse-provider')).to.equal(undefined);

    const later = document.createElement('section');
    later.innerHTML = '<civic-pulse-provider></civic-pulse-provider>';
    document.body.append(later);
    await within(customElements.whenDefined('civic-pulse-provider'), 5000);
    later.remove();
  });
});
