// The demo city site in Chromium against the real, built reference backend on a fresh SQLite file:
// one backend and one browser per test file, a new browser context (no shared cache, cookies or
// storage) per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import type { RatingRow } from '../../examples/reference-backend/src/storage/schema.js';
import { startBackend, type RunningBackend } from '../support/backend.mjs';
import { launchChromium } from '../support/playwright.mjs';

/**
 * The origin the browser sees: where `npm start` serves the site, and the endpoint that
 * etat-civil.html names in its script tag (issue 2's snippet). The backend listens on a port of its
 * own instead, since 8787 may be taken (a developer's `npm start`, a parallel test run), and every
 * request the browser makes to this origin is answered by it (`context.route`). Page, bundle and API
 * then share one origin, as on a city's own server: the hard-coded endpoint is same-origin, so the
 * strict CSP's `'self'` covers it honestly, and no CORS preflight is needed (Playwright would answer
 * a routed preflight itself, hiding the backend's CORS). Serving the page from 127.0.0.1:<port> and
 * rewriting only the API calls would test neither.
 */
export const SITE = 'http://localhost:8787';
export const ADMIN_TOKEN = 'e2e-admin-token-2b7f0c94d1';
const ACTION_TIMEOUT_MS = 10_000;

export interface Site {
  /** The backend's own URL, e.g. http://127.0.0.1:41234. */
  readonly backendUrl: string;
  readonly databaseFile: string;
  /** A page in a new context, where SITE is the backend; closed when the test ends. */
  newPage(t: TestContext): Promise<Page>;
  /** Answers a routed request from the backend, adding `headers` to its answer. */
  forward(route: Route, headers?: Record<string, string>): Promise<void>;
}

/** Starts the backend and the browser before the file's tests, stops them after. */
export function useSite(): Site {
  let backend: RunningBackend | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'civic-pulse-e2e-'));
  const databaseFile = join(dir, 'e2e.db');

  before(async () => {
    // Both settle before a failure is thrown, so that `after` finds and stops whichever did start.
    const started = await Promise.allSettled([
      startBackend({ databaseFile, adminToken: ADMIN_TOKEN }).then((running) => (backend = running)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const site: Site = {
    get backendUrl() {
      if (!backend) throw new Error('the backend is not started');
      return backend.url;
    },
    databaseFile,
    async forward(route, headers = {}) {
      const { pathname, search } = new URL(route.request().url());
      // Redirects go back to the browser as they are, so that it ends on the URL the server meant.
      const response = await route.fetch({ url: `${site.backendUrl}${pathname}${search}`, maxRedirects: 0 });
      await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    },
    async newPage(t) {
      if (!browser) throw new Error('the browser is not started');
      const context = await browser.newContext();
      let closing = false;
      t.after(() => {
        closing = true;
        return context.close();
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      // A request still in flight when the test ends (a list of ideas reloading, say) is cut off
      // with its context: that is not a failure of the test that already passed.
      await context.route(`${SITE}/**`, (route) =>
        site.forward(route).catch((error: unknown) => {
          if (!closing) throw error;
        }),
      );
      return context.newPage();
    },
  };
  return site;
}

/** A rating as stored, the columns a test checks, with its reasons parsed. */
export type StoredRating = Pick<RatingRow, 'id' | 'service' | 'channel' | 'source' | 'scale' | 'score' | 'normalized' | 'comment'> & {
  reasons: string[];
};

/** Rows of the SQLite file itself, read-only, beside the running server. */
export function queryDatabase<Row>(databaseFile: string, sql: string, ...parameters: unknown[]): Row[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...parameters) as Row[];
  } finally {
    db.close();
  }
}

/** Every stored rating, read from the SQLite file. */
export function storedRatings(databaseFile: string): StoredRating[] {
  const rows = queryDatabase<Omit<StoredRating, 'reasons'> & Pick<RatingRow, 'reasons'>>(
    databaseFile,
    'select id, service, channel, source, scale, score, normalized, reasons, comment from ratings order by received_at, id',
  );
  return rows.map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as string[] }));
}

/** The rating the page POSTs while `act` runs, once the backend has answered 201. */
export async function ratingSentBy(page: Page, act: () => Promise<void>): Promise<{ id: string }> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && /^\/v1\/orgs\/[^/]+\/ratings$/.test(new URL(response.url()).pathname),
  );
  await act();
  const response = await answered;
  if (response.status() !== 201) throw new Error(`the rating got ${response.status()}: ${await response.text()}`);
  return response.request().postDataJSON() as { id: string };
}

/**
 * The focused element, looked up through shadow roots, as "<kind> <its label>", the kind being an
 * input's type, else the element's part, else its tag: e.g. `radio Pas satisfait`,
 * `comment Votre commentaire (facultatif)`, `submit Envoyer mon avis`, `button Fermer`.
 */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return 'nothing';
    const kind = element instanceof HTMLInputElement ? element.type : (element.getAttribute('part') ?? element.localName);
    const labelled = (element as HTMLInputElement).labels?.[0] ?? element;
    return `${kind} ${labelled.textContent?.replace(/\s+/g, ' ').trim() ?? ''}`.trim();
  });
}

/** The element's thank-you and live region, once it has been sent. */
export async function thanksOf(rating: Locator): Promise<{ visible: string; announced: string }> {
  const thanks = rating.locator('[part="thanks"]');
  await thanks.waitFor({ state: 'visible' });
  return { visible: await thanks.innerText(), announced: (await rating.getByRole('status').textContent()) ?? '' };
}
