import { setupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

/** One msw worker per test page: handlers are set per test, anything unhandled fails the test. */
export async function startNetwork(...handlers: RequestHandler[]) {
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledFrame: 'error', quiet: true });
  return worker;
}
