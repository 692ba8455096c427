// The demo city site in Chromium against the real, built reference backend on a fresh database
// (a SQLite file, or a PostgreSQL schema of its own): one backend and one browser per `useSite()`,
// a new browser context (no shared cache, cookies or storage) per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import type { RatingRow } from '../../examples/reference-backend/src/storage/schema.js';
import { startBackend, type RunningBackend } from '../support/backend.mjs';
import { launchChromium } from '../support/playwright.mjs';
import { createSchema, postgresProblem, type TemporarySchema } from '../support/postgres-schema.mjs';

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

/**
 * Where the backend keeps its data. PostgreSQL is the server of CIVIC_TEST_POSTGRES_URL (by
 * default postgres://root@127.0.0.1:5432/test), in a schema made for the suite and dropped after.
 */
export type Engine = 'sqlite' | 'postgres';

/**
 * A suite `<name>, on <engine>` per engine, each with a site of its own on that engine, given to
 * `body`. As in the backend's tests, without a PostgreSQL that answers, its suite holds one skipped
 * test naming the variable to set (the run's skipped count shows it); in CI (`CI` set) it runs
 * anyway and fails saying so.
 */
export async function describeOnEachEngine(name: string, options: { timeout: number }, body: (site: Site) => void): Promise<void> {
  const postgresUnavailable = isCi() ? undefined : await postgresProblem();
  for (const engine of ['sqlite', 'postgres'] as const) {
    describe(`${name}, on ${engine}`, options, () => {
      if (engine === 'postgres' && postgresUnavailable) test(`every test of "${name}" on PostgreSQL`, { skip: postgresUnavailable }, () => {});
      else body(useSite({ engine }));
    });
  }
}

function isCi(): boolean {
  const value = process.env.CI?.toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export interface Site {
  readonly engine: Engine;
  /** The backend's own URL, e.g. http://127.0.0.1:41234; throws while it is stopped. */
  readonly backendUrl: string;
  /** The SQLite file; throws on PostgreSQL (use `query`). */
  readonly databaseFile: string;
  /** A page in a new context, where SITE is the backend; closed when the test ends. */
  newPage(t: TestContext): Promise<Page>;
  /**
   * Takes the page's context offline, or back online. Playwright's own `setOffline` only sets
   * `navigator.onLine` for routed requests, which it still answers: here they fail too, as on a
   * device without network.
   */
  setOffline(page: Page, offline: boolean): Promise<void>;
  /**
   * Answers a routed request from the backend (or the proxy of `routeThrough`), adding `headers` to
   * its answer. When the connection fails (the backend stopped, the proxy cut it), the browser's
   * request fails as a network error, as it would without the route in between.
   */
  forward(route: Route, headers?: Record<string, string>): Promise<void>;
  /** Rows of the backend's database, read beside the running server; `?` marks the parameters. */
  query<Row>(sql: string, ...parameters: unknown[]): Promise<Row[]>;
  /** Every stored rating, oldest received first. */
  storedRatings(): Promise<StoredRating[]>;
  /**
   * Stops the backend with `signal` (SIGKILL by default: it finishes nothing) and resolves, once the
   * process is gone, with its exit code or the signal's name.
   */
  stopBackend(signal?: NodeJS.Signals): Promise<number | string | null>;
  /** Starts the backend again on the same database; the browser's requests go to it from then on. */
  restartBackend(): Promise<void>;
  /** Sends the browser's requests to `url` (a proxy in front of the backend) instead; `undefined` goes back to the backend. */
  routeThrough(url: string | undefined): void;
}

// What Playwright's fetch throws when the other end refused or dropped the connection.
const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|EPIPE|socket hang up/;

/** Starts the backend (on `engine`, SQLite by default) and the browser before the suite's tests, stops them after. */
export function useSite({ engine = 'sqlite' }: { engine?: Engine } = {}): Site {
  let backend: RunningBackend | undefined;
  let browser: Browser | undefined;
  let schema: TemporarySchema | undefined;
  let upstream: string | undefined;
  const offline = new WeakSet<BrowserContext>();
  const dir = mkdtempSync(join(tmpdir(), 'civic-pulse-e2e-'));
  const file = join(dir, 'e2e.db');
  const start = async () => {
    backend = await startBackend({ adminToken: ADMIN_TOKEN, ...(schema ? { databaseUrl: schema.url } : { databaseFile: file }) });
  };

  before(async () => {
    // Both settle before a failure is thrown, so that `after` finds and stops whichever did start.
    const started = await Promise.allSettled([
      (async () => {
        if (engine === 'postgres') schema = await createSchema({ prefix: 'civic_e2e' });
        await start();
      })(),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const site: Site = {
    engine,
    get backendUrl() {
      if (!backend) throw new Error('the backend is not started');
      return backend.url;
    },
    get databaseFile() {
      if (engine !== 'sqlite') throw new Error(`this site runs on ${engine}: read it with site.query`);
      return file;
    },
    async forward(route, headers = {}) {
      if (!backend) return route.abort('connectionrefused');
      const { pathname, search } = new URL(route.request().url());
      let response;
      try {
        // Redirects go back to the browser as they are, so that it ends on the URL the server meant.
        response = await route.fetch({ url: `${upstream ?? backend.url}${pathname}${search}`, maxRedirects: 0 });
      } catch (error) {
        if (!(error instanceof Error && CONNECTION_LOST.test(error.message))) throw error;
        return route.abort('connectionreset');
      }
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
        (offline.has(context) ? route.abort('internetdisconnected') : site.forward(route)).catch((error: unknown) => {
          if (!closing) throw error;
        }),
      );
      return context.newPage();
    },
    async setOffline(page, cut) {
      const context = page.context();
      if (cut) offline.add(context);
      else offline.delete(context);
      await context.setOffline(cut);
    },
    async query<Row>(sql: string, ...parameters: unknown[]) {
      if (!schema) return queryDatabase<Row>(file, sql, ...parameters);
      let index = 0;
      const result = await schema.client.query(sql.replace(/\?/g, () => `$${++index}`), parameters);
      return result.rows as Row[];
    },
    async storedRatings() {
      return parseReasons(await site.query(STORED_RATINGS_SQL));
    },
    async stopBackend(signal = 'SIGKILL') {
      if (!backend) throw new Error('the backend is not running');
      const stopping = backend;
      backend = undefined;
      return stopping.stop(signal);
    },
    async restartBackend() {
      if (backend) throw new Error('the backend is still running: stopBackend() first');
      await start();
    },
    routeThrough(url) {
      upstream = url;
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

const STORED_RATINGS_SQL = 'select id, service, channel, source, scale, score, normalized, reasons, comment from ratings order by received_at, id';
type RatingColumns = Omit<StoredRating, 'reasons'> & Pick<RatingRow, 'reasons'>;
const parseReasons = (rows: RatingColumns[]): StoredRating[] => rows.map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as string[] }));

/** Every stored rating, read from the SQLite file. */
export function storedRatings(databaseFile: string): StoredRating[] {
  return parseReasons(queryDatabase<RatingColumns>(databaseFile, STORED_RATINGS_SQL));
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
