import { setupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

/** One msw worker per test page: handlers are set per test, anything unhandled fails the test. */
export async function startNetwork(...handlers: RequestHandler[]) {
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledFrame: 'error', quiet: true });
  return worker;
}

/** Takes the browser offline (`navigator.onLine` false, the `offline` event) until the returned function brings it back online. */
export function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}
