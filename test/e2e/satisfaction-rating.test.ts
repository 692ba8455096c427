// A citizen on the demo site rates a service with the mouse, with the keyboard alone, in the
// floating dialog and in English; each rating reaches the real backend and is stored once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, SITE, focused, ratingSentBy, storedRatings, thanksOf, useSite } from './site.js';

const site = useSite();

/** The only rating stored since `before` rows were counted, which must be the one sent. */
function theNewRating(before: number, id: string) {
  const rows = storedRatings(site.databaseFile);
  assert.equal(rows.length, before + 1, 'exactly one new row');
  const row = rows.at(-1)!;
  assert.equal(row.id, id);
  return row;
}

async function tabUntilInRating(page: Page): Promise<void> {
  // From the top of the page: skip links, menu, table of contents, tables… then the rating.
  for (let presses = 0; presses < 100; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).startsWith('radio ')) return;
  }
  assert.fail('100 Tab presses never reached the rating');
}

describe('<civic-satisfaction-rating> on the demo site, against the real backend', { timeout: 60_000 }, () => {
  test('État civil, with the mouse: a level, a reason, a comment, sent, thanked, stored once', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/etat-civil.html`);
    const rating = page.locator('civic-satisfaction-rating');
    const before = storedRatings(site.databaseFile).length;
    const comment = 'Accueil aimable, attente longue.';
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));

    await rating.getByRole('radio', { name: 'Moyennement satisfait' }).click();
    await rating.getByRole('checkbox', { name: 'Le temps d’attente' }).click();
    await rating.getByRole('textbox', { name: 'Votre commentaire (facultatif)' }).pressSequentially(comment);
    const sent = await ratingSentBy(page, () => rating.getByRole('button', { name: 'Envoyer mon avis' }).click());

    const thanks = await thanksOf(rating);
    assert.match(thanks.visible, /^Merci, votre avis a bien été envoyé\.\s+Il nous aide à améliorer ce service\.$/);
    assert.equal(thanks.announced, 'Merci, votre avis a bien été envoyé.');
    assert.deepEqual(theNewRating(before, sent.id), {
      id: sent.id,
      service: 'etat-civil',
      channel: 'web',
      source: 'web',
      scale: 'smileys-3',
      score: 2,
      normalized: 50,
      reasons: ['waiting-time'],
      comment,
    });
    assert.deepEqual(posts, [`${SITE}/v1/orgs/ville-exemple/ratings`], 'one request, to the endpoint of the script tag');

    // What the collectivité reads back through the admin export.
    const answer = await fetch(`${site.backendUrl}/v1/admin/orgs/ville-exemple/ratings?format=json`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(answer.status, 200);
    const { ratings } = (await answer.json()) as { ratings: Record<string, unknown>[] };
    const exported = ratings.filter((row) => row.id === sent.id);
    assert.equal(exported.length, 1);
    const { service, channel, source, score, normalized, reasons, comment: exportedComment } = exported[0]!;
    assert.deepEqual(
      { service, channel, source, score, normalized, reasons, comment: exportedComment },
      { service: 'etat-civil', channel: 'web', source: 'web', score: 2, normalized: 50, reasons: ['waiting-time'], comment },
    );
  });

  test('État civil, keyboard alone: Tab to the scale, Space, arrows, Tab on, Enter to send', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/etat-civil.html`);
    const rating = page.locator('civic-satisfaction-rating');
    await rating.getByRole('radio').first().waitFor();
    const before = storedRatings(site.databaseFile).length;

    await tabUntilInRating(page);
    assert.equal(await focused(page), 'radio Pas satisfait', 'Tab enters the scale on its first level');
    await page.keyboard.press('Space');
    assert.ok(await rating.getByRole('radio', { name: 'Pas satisfait' }).isChecked());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(page), 'radio Moyennement satisfait');
    assert.ok(await rating.getByRole('radio', { name: 'Moyennement satisfait' }).isChecked());

    // One Tab stop for the whole scale: the next Tab leaves it for the first reason.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'checkbox Le temps d’attente');
    await page.keyboard.press('Space');
    for (let reason = 0; reason < 6; reason += 1) await page.keyboard.press('Tab'); // the 5 other reasons, then the comment
    assert.equal(await focused(page), 'comment Votre commentaire (facultatif)');
    await page.keyboard.type('Guichet rapide.');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'submit Envoyer mon avis');
    const sent = await ratingSentBy(page, () => page.keyboard.press('Enter'));

    const thanks = await thanksOf(rating);
    assert.equal(thanks.announced, 'Merci, votre avis a bien été envoyé.');
    assert.match(await focused(page), /^thanks Merci, votre avis a bien été envoyé\./, 'focus goes to the thank-you');
    const row = theNewRating(before, sent.id);
    assert.deepEqual(
      { score: row.score, normalized: row.normalized, reasons: row.reasons, comment: row.comment },
      { score: 2, normalized: 50, reasons: ['waiting-time'], comment: 'Guichet rapide.' },
    );
  });

  test('Urbanisme, floating: the button opens the dialog, a rating is sent, Escape closes, focus returns', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/urbanisme.html`);
    const rating = page.locator('civic-satisfaction-rating');
    const dialog = rating.getByRole('dialog', { name: 'Votre avis' });
    const before = storedRatings(site.databaseFile).length;

    await rating.getByRole('button', { name: 'Je donne mon avis' }).click();
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await focused(page), 'button Fermer', 'focus moves into the dialog');
    await dialog.getByRole('radio', { name: 'Très satisfait' }).click();
    const sent = await ratingSentBy(page, () => dialog.getByRole('button', { name: 'Envoyer mon avis' }).click());
    assert.equal((await thanksOf(rating)).announced, 'Merci, votre avis a bien été envoyé.');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focused(page), 'floating-button Je donne mon avis');
    const row = theNewRating(before, sent.id);
    assert.deepEqual(
      { service: row.service, channel: row.channel, source: row.source, scale: row.scale, score: row.score, normalized: row.normalized },
      { service: 'urbanisme', channel: 'web', source: 'web', scale: 'smileys-5', score: 5, normalized: 100 },
    );
  });

  test('the English page: the rating speaks English from question to thank-you', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/en/index.html`);
    const rating = page.locator('civic-satisfaction-rating');
    const before = storedRatings(site.databaseFile).length;

    await rating.getByRole('group', { name: 'How satisfied are you with this service?' }).waitFor();
    await rating.getByRole('radio', { name: 'Not satisfied' }).click();
    await rating.getByRole('group', { name: 'What could be improved? (optional)' }).getByRole('checkbox', { name: 'Opening hours' }).click();
    assert.match(await rating.getByText('Do not write any personal data').innerText(), /no name, address/);
    const sent = await ratingSentBy(page, () => rating.getByRole('button', { name: 'Send my feedback' }).click());

    const thanks = await thanksOf(rating);
    assert.match(thanks.visible, /^Thank you, your feedback has been sent\.\s+It helps us improve this service\.$/);
    assert.equal(thanks.announced, 'Thank you, your feedback has been sent.');
    const row = theNewRating(before, sent.id);
    assert.deepEqual({ service: row.service, score: row.score, normalized: row.normalized, reasons: row.reasons }, {
      service: 'etat-civil',
      score: 1,
      normalized: 0,
      reasons: ['opening-hours'],
    });
  });
});
