// The demo kiosk (examples/kiosk) in Chromium against the real, built backend: a rating given on
// it lands once with source kiosk and the kiosk's id, the kiosk clears itself for the next person,
// its QR code opens the phone page, which rates the same service with source mobile, and the kiosk
// page keeps to a strict CSP with Trusted Types.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SITE, queryDatabase, ratingSentBy, thanksOf, useSite } from './site.js';

const site = useSite();

const CSP_WITH_TRUSTED_TYPES =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

interface Row {
  id: string;
  service: string;
  channel: string;
  source: string;
  kiosk_id: string | null;
  score: number;
}

const rowOf = (id: string) => queryDatabase<Row>(site.databaseFile, 'select id, service, channel, source, kiosk_id, score from ratings where id = ?', id);

/** What the page has written to the device: cookies, localStorage, and Civic Pulse's IndexedDB databases. */
async function deviceStorage(page: Page) {
  const cookies = await page.context().cookies();
  const inPage = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    databases: (await indexedDB.databases()).map(({ name }) => name ?? '').filter((name) => name.startsWith('civic-pulse')),
  }));
  return { cookies: cookies.length, ...inPage };
}

describe('the demo kiosk against the real backend', { timeout: 60_000 }, () => {
  test('a rating lands once with source kiosk and the kiosk id, then the kiosk clears itself for the next person', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/kiosk/`);
    const rating = page.locator('civic-satisfaction-rating');
    await rating.locator('[part="kiosk"]').waitFor();
    assert.equal((await rating.locator('[part="kiosk-context"]').innerText()).replace(/\s+/g, ' '), 'État civil Accueil physique');
    await rating.getByRole('img', { name: 'QR code qui ouvre ce même avis sur votre téléphone' }).waitFor();
    await rating.locator('[part="kiosk-status"]').getByText('En ligne').waitFor();
    assert.deepEqual(await deviceStorage(page), { cookies: 0, localStorage: 0, databases: [] }, 'nothing written before the person acts');

    await rating.getByRole('radio', { name: 'Pas satisfait' }).click();
    await rating.getByRole('checkbox', { name: 'Le temps d’attente' }).click();
    const sent = await ratingSentBy(page, () => rating.getByRole('button', { name: 'Envoyer mon avis' }).click());
    // "Enregistré": the kiosk thanks once the rating is on the device, not only once the server has it.
    assert.equal((await thanksOf(rating)).announced, 'Merci, votre avis est bien enregistré.');
    assert.deepEqual(rowOf(sent.id), [{ id: sent.id, service: 'etat-civil', channel: 'counter', source: 'kiosk', kiosk_id: 'hall-mairie', score: 1 }]);
    await rating.locator('[part="kiosk-status"]').getByText(/^Dernier envoi/).waitFor();

    // reset-delay, 6 s by default: the thank-you goes, and the levels come back empty for the next person.
    await rating.locator('[part="thanks"]').waitFor({ state: 'detached', timeout: 10_000 });
    const levels = rating.getByRole('radio');
    assert.equal(await levels.count(), 3);
    for (const level of await levels.all()) assert.equal(await level.isChecked(), false);
    assert.equal(await rating.getByRole('checkbox').count(), 0);
    assert.equal(rowOf(sent.id).length, 1, 'stored once');
  });

  test('the QR code’s address opens the phone page, which rates the same service and channel with source mobile', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/kiosk/`);
    const address = await page.locator('civic-satisfaction-rating [part="kiosk-url"]').innerText();
    assert.equal(address, `${SITE}/kiosk/phone.html?service=etat-civil&channel=counter&scale=smileys-3`);

    await page.goto(address);
    const rating = page.locator('civic-satisfaction-rating');
    await rating.getByRole('radio', { name: 'Satisfait', exact: true }).click();
    const sent = await ratingSentBy(page, () => rating.getByRole('button', { name: 'Envoyer mon avis' }).click());
    await thanksOf(rating);
    assert.deepEqual(rowOf(sent.id), [{ id: sent.id, service: 'etat-civil', channel: 'counter', source: 'mobile', kiosk_id: null, score: 3 }]);
    assert.equal(await rating.locator('[part="kiosk"]').count(), 0, 'no kiosk screen on the phone');
  });

  test('the kiosk page under strict CSP and Trusted Types: its chunk, styles, QR code and rating with zero violations', async (t) => {
    const page = await site.newPage(t);
    await page.route(`${SITE}/kiosk/`, (route) => site.forward(route, { 'content-security-policy': CSP_WITH_TRUSTED_TYPES }));
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { cspViolations: violations });
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${SITE}/kiosk/`);
    assert.equal(response?.headers()['content-security-policy'], CSP_WITH_TRUSTED_TYPES);
    const rating = page.locator('civic-satisfaction-rating');
    await rating.locator('[part="kiosk-qr"] path').waitFor({ state: 'attached' });
    const styling = await rating.evaluate((element) => {
      const root = element.shadowRoot!;
      return {
        adopted: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll('style').length,
        // The kiosk's own stylesheet at work: the levels are large enough for a finger.
        optionHeight: root.querySelector('[part="option"]')!.getBoundingClientRect().height,
      };
    });
    assert.ok(styling.adopted >= 2, JSON.stringify(styling));
    assert.equal(styling.styleElements, 0);
    assert.ok(styling.optionHeight >= 64, JSON.stringify(styling));

    await rating.getByRole('radio', { name: 'Satisfait', exact: true }).click();
    const sent = await ratingSentBy(page, () => rating.getByRole('button', { name: 'Envoyer mon avis' }).click());
    await thanksOf(rating);
    assert.equal(rowOf(sent.id)[0]?.source, 'kiosk');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
  });
});
