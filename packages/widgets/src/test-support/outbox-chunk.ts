import { expect, fixture, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { goOffline, startNetwork } from './network.js';

// For tests of when an element fetches the outbox's code (the submission-outbox chunk). Their file
// must not import that module, even through test-support/outbox.ts: it would be loaded already.

/** Whether the page has asked for the outbox's code. */
export const outboxCodeRequested = (): boolean =>
  performance.getEntriesByType('resource').some(({ name }) => new URL(name).pathname.endsWith('/internal/submission-outbox.ts'));

/**
 * Makes room to record every file the page fetches from now on (the browser's buffer holds 250 by
 * default, which the test runner's own files fill), and deletes the SDK's databases that another
 * test file may have left: an outbox found on the device is resumed at start, which fetches its
 * code before the element comes into view.
 */
export async function startWithoutOutbox(): Promise<void> {
  performance.setResourceTimingBufferSize(100_000);
  const names = (await indexedDB.databases()).map(({ name }) => name!).filter((name) => name.startsWith('civic-pulse-outbox'));
  await Promise.all(names.map((name) => new Promise((done) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: done, onerror: done, onblocked: done }))));
}

/**
 * Shows `element` below a block three screens tall, waits until `loaded()`, checks that the
 * outbox's code has not been asked for, then scrolls to the element and waits until it is.
 */
export async function outboxCodeComesWithTheView(element: HTMLElement, loaded: () => unknown): Promise<void> {
  const page = document.createElement('div');
  page.append(Object.assign(document.createElement('div'), { style: 'height: 300vh' }), element);
  await fixture(page);
  await waitUntil(loaded, 'the element loads', { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(outboxCodeRequested(), 'the outbox’s code is not fetched while out of view').to.equal(false);
  element.scrollIntoView();
  await waitUntil(outboxCodeRequested, 'the outbox’s code is fetched once the element is in view');
}

/**
 * Takes the browser offline, runs `act` (answer and send), and checks that `element` then says
 * its submission is kept on the device (`message`), with neither failure nor Retry.
 */
export async function keptAfterTheConnectionWent(element: HTMLElement, act: () => Promise<void>, message: string): Promise<void> {
  const part = (name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const online = goOffline();
  try {
    await act();
    await waitUntil(() => part('queued') || part('error'), 'the submission is settled for the person', { timeout: 5000 });
    expect(part('error')?.textContent?.trim() ?? '', 'no failure').to.equal('');
    expect(part('retry') === null, 'no Retry').to.equal(true);
    expect(part('queued')!.textContent!).to.contain(message);
  } finally {
    online();
  }
}

/** Closes the outboxes the test made and deletes their databases: the outbox's code is loaded by then. */
export const forgetOutboxesAfter = async (): Promise<void> => (await import('./outbox.js')).forgetOutboxes();

/**
 * Serves the outbox's code as a failed fetch (a flaky connection) until `heal()`. `fetches` says
 * how each fetch went, `failed` or `loaded`; `stop()` ends it.
 */
export async function outboxCodeFailing(): Promise<{ fetches: string[]; heal(): void; stop(): Promise<void> }> {
  const fetches: string[] = [];
  let failing = true;
  const worker = await startNetwork(
    http.get(/\/internal\/submission-outbox\.ts$/, () => {
      fetches.push(failing ? 'failed' : 'loaded');
      return failing ? HttpResponse.error() : passthrough();
    }),
  );
  return { fetches, heal: () => (failing = false), stop: async () => worker.stop() };
}
