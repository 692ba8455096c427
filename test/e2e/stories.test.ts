// Every Storybook story, built as `npm run build-storybook` builds them, opened in Chromium: its
// play function brings the element to its state and checks it. A story whose play throws, or that
// never finishes, fails here; building the stories alone would not say so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/playwright.mjs';

const PLAY_TIMEOUT_MS = 40_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

interface StoryEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

// Built once, before the tests are declared, so that there is one test per story.
const output = mkdtempSync(join(tmpdir(), 'civic-pulse-stories-'));
const build = spawnSync('npx', ['storybook', 'build', '-o', output, '--quiet'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const stories: StoryEntry[] =
  build.status === 0
    ? Object.values((JSON.parse(readFileSync(join(output, 'index.json'), 'utf8')) as { entries: Record<string, StoryEntry> }).entries).filter(
        (entry) => entry.type === 'story',
      )
    : [];

/** Serves the built Storybook as a static site. */
function serve(root: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    try {
      const body = await readFile(join(root, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('Storybook: every story renders and its play function passes', { timeout: 15 * 60_000 }, () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let base = '';

  before(async () => {
    server = await serve(output);
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(output, { recursive: true, force: true });
  });

  test('the stories build', () => {
    assert.equal(build.status, 0, `storybook build failed:\n${build.stderr}`);
    assert.ok(stories.length > 0, 'the build indexed no story');
  });

  for (const story of stories) {
    test(`${story.title}: ${story.name}`, async (t) => {
      const context = await browser!.newContext();
      t.after(() => context.close());
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Storybook tells its manager how a story went over its channel; listen to it from the start.
      await page.addInitScript(() => {
        const seen: { name: string; detail: string }[] = [];
        (window as unknown as { storyEvents: typeof seen }).storyEvents = seen;
        const timer = setInterval(() => {
          const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__?: { on(name: string, listener: (payload: unknown) => void): void } })
            .__STORYBOOK_ADDONS_CHANNEL__;
          if (!channel) return;
          clearInterval(timer);
          for (const name of ['playFunctionThrewException', 'storyErrored', 'storyThrewException', 'storyMissing', 'storyFinished']) {
            channel.on(name, (payload) => seen.push({ name, detail: JSON.stringify(payload ?? null).slice(0, 600) }));
          }
        }, 1);
      });
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
      const outcome = await page
        .waitForFunction(
          () => {
            const seen = (window as unknown as { storyEvents?: { name: string; detail: string }[] }).storyEvents ?? [];
            const failure = seen.find(({ name }) => name !== 'storyFinished');
            if (failure) return `${failure.name}: ${failure.detail}`;
            return seen.find(({ name }) => name === 'storyFinished')?.detail ?? null;
          },
          null,
          { timeout: PLAY_TIMEOUT_MS, polling: 100 },
        )
        .then((handle) => handle.jsonValue() as Promise<string>)
        .catch(() => `no outcome after ${PLAY_TIMEOUT_MS / 1000} s`);
      assert.match(outcome, /"status":"success"/, `${outcome}\n${errors.join('\n')}`);
    });
  }
});
