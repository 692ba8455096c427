// The barometer on the demo site, against the real backend and its seeded year of ratings and
// audits: the home page's card shows the score the API computes, the barometer page breaks it down
// by channel, and Village d'Exemple, with too little data, shows no number at all.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Barometer } from '@civic-pulse/core';
import { SITE, useSite } from './site.js';

const site = useSite();

async function barometerOf(org: string): Promise<Barometer> {
  const answer = await fetch(`${site.backendUrl}/v1/orgs/${org}/barometer?period=last-12-months`);
  assert.equal(answer.status, 200);
  return (await answer.json()) as Barometer;
}

/** A figure as the French page writes it: one decimal at most, a comma. */
const inFrench = (value: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value);

describe('<civic-barometer-badge> on the demo site, against the real backend', { timeout: 90_000 }, () => {
  test('the home page’s card: the API’s score out of 100, what it rests on, the trend in words, the methodology; the no-JavaScript link gone', async (t) => {
    const expected = await barometerOf('ville-exemple');
    assert.ok(expected.score !== null && expected.trend.delta !== null, 'the seed gives a score and a trend');
    const page = await site.newPage(t);
    await page.goto(`${SITE}/index.html`);
    const badge = page.locator('civic-barometer-badge');

    await badge.locator('[part="score"]').waitFor();
    assert.match(await badge.locator('[part="score"]').innerText(), new RegExp(`^${inFrench(expected.score)}\\s*/\\s*100\\s+${inFrench(expected.score)} sur 100$`));
    const basis = await badge.locator('[part="basis"]').innerText();
    assert.match(basis, new RegExp(`${new Intl.NumberFormat('fr-FR').format(expected.responses)}\\s+avis`.replace(/\s/g, '\\s')));
    assert.match(basis, new RegExp(`${expected.audit.audits}\\s+audits`));
    const direction = expected.trend.delta > 0 ? 'en hausse' : expected.trend.delta < 0 ? 'en baisse' : 'stable';
    assert.match(await badge.locator('[part="trend"]').innerText(), new RegExp(direction));
    assert.ok(await badge.getByRole('link', { name: 'Comment ce score est calculé' }).isVisible(), 'the methodology link');
    assert.equal(await badge.getByRole('link', { name: 'Notre baromètre de l’expérience usager' }).isVisible(), false, 'the fallback link is hidden once the badge shows');
  });

  test('the barometer page: each channel’s audit and satisfaction in a captioned table, and a village with too little data shows no score', async (t) => {
    const expected = await barometerOf('ville-exemple');
    const village = await barometerOf('village-exemple');
    assert.equal(village.score, null);
    const page = await site.newPage(t);
    await page.goto(`${SITE}/barometre.html`);
    const [detailed, small] = [page.locator('civic-barometer-badge').first(), page.locator('civic-barometer-badge[org="village-exemple"]')];

    const table = detailed.getByRole('table');
    await table.waitFor({ state: 'attached' });
    const counter = expected.audit.byChannel.counter!;
    const row = await table.getByRole('row', { name: /Accueil|Guichet/i }).first().innerText();
    assert.match(row.replace(/\s+/g, ' '), new RegExp(inFrench(counter.score!)), `the counter's audit score ${counter.score} in "${row}"`);

    await small.locator('[part="not-enough"]').first().waitFor();
    assert.match(await small.locator('[part="not-enough"]').first().innerText(), /Pas encore assez de données/);
    assert.equal(await small.locator('[part="score"]').count(), 0, 'no number on too little data');
  });

  test('on a 320 px phone, the detailed barometer does not scroll sideways', async (t) => {
    const page = await site.newPage(t);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${SITE}/barometre.html`);
    await page.locator('civic-barometer-badge').first().getByRole('table').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  });
});
