// In a file of its own: the outbox's code must not be loaded yet when the test starts (see outbox-chunk.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { PageOutbox } from './page-outbox.js';
import { forgetOutboxesAfter, outboxCodeFailing, startWithoutOutbox } from '../test-support/outbox-chunk.js';

/** An element that only carries the controller, with no backend: nothing to resume, only the code to fetch. */
class OutboxHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 40px;
    }
  `;
  readonly pageOutbox = new PageOutbox(this, { adapter: () => undefined, key: () => undefined });
}
customElements.define('page-outbox-test-host', OutboxHost);

describe('PageOutbox', () => {
  before(startWithoutOutbox);
  after(forgetOutboxesAfter);

  it('fetches the outbox’s code again once the connection is back when its early fetch failed, and not over and over meanwhile', async () => {
    const { fetches, heal, stop } = await outboxCodeFailing();
    try {
      await fixture(html`<page-outbox-test-host></page-outbox-test-host>`);
      await waitUntil(() => fetches.length > 0, 'the code is fetched once the element is in view', { timeout: 5000 });
      // Long enough for an observer watching again to have fetched at several frames.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fetches.join(), 'one failed fetch, not one per frame').to.equal('failed');

      heal();
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => fetches.length > 1, 'the code is fetched again once the connection is back', { timeout: 5000 });
      expect(fetches.join()).to.equal('failed,loaded');
    } finally {
      await stop();
    }
  });
});
