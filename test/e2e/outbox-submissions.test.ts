// Issue 7: the outbox beyond ratings. A citizen's answers to the demo consultation and an agent's
// answers to the demo intranet's survey, sent while the browser is offline, are kept on the device
// (the element says so), then stored exactly once by the real backend when the network returns;
// also when the page is reloaded while they wait.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { queuedEntries, until } from './outbox-page.js';
import { ADMIN_TOKEN, SITE, queryDatabase, useSite } from './site.js';

const site = useSite();
const CONSULTATION = 'place-du-marche';
const SURVEY = 'qualite-de-service';
const KEPT = 'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.';

const query = <Row>(sql: string, ...parameters: unknown[]): Row[] => queryDatabase<Row>(site.databaseFile, sql, ...parameters);

/** The number of POSTs the page made to `path` since `count` started watching. */
function countPosts(page: Page, path: string): () => number {
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === path) posts += 1;
  });
  return () => posts;
}

/** Sends the answers offline: the element says they are kept on the device, and nothing reaches the server. */
async function sendOffline(page: Page, element: Locator, kept: string): Promise<void> {
  // The outbox's chunk came when the first answer was given; nothing else is fetched from now on.
  await page.waitForLoadState('networkidle');
  await page.context().setOffline(true);
  await element.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  const queuedPart = element.locator('[part="queued"]');
  await queuedPart.waitFor();
  assert.match(await queuedPart.innerText(), new RegExp(kept));
  // The element's own live region (the poll's ideas have one of their own, below).
  assert.equal(await element.getByRole('status').filter({ hasText: kept }).count(), 1, 'announced');
}

/** Opens the demo consultation and answers every question, up to its send button. */
async function answerThePoll(page: Page): Promise<Locator> {
  await page.goto(`${SITE}/place-du-marche.html`);
  const poll = page.locator('civic-consultation-poll');
  await poll.getByRole('heading', { name: 'Réaménagement de la place du marché' }).waitFor();
  const next = () => poll.getByRole('button', { name: 'Question suivante' }).click();
  await poll.getByRole('radio', { name: 'Oui' }).click();
  await next();
  await poll.getByRole('radio', { name: 'Une place plantée et piétonne' }).click();
  await next();
  await poll.getByRole('checkbox', { name: 'Faire mon marché' }).click();
  await next();
  await poll.getByRole('checkbox', { name: 'Je valide ce classement' }).click();
  await next();
  await poll.getByRole('radio', { name: /^4\b/ }).click();
  await next();
  return poll;
}

const storedResponses = () => query<{ id: string }>('select id from consultation_responses where consultation_id = ?', CONSULTATION);

describe('submissions given offline, on the demo pages, against the real backend (SQLite)', { timeout: 120_000 }, () => {
  test('a consultation response given offline is kept on the device, then stored exactly once when the network returns', async (t) => {
    const page = await site.newPage(t);
    const posts = countPosts(page, `/v1/consultations/${CONSULTATION}/responses`);
    const before = storedResponses().length;
    const poll = await answerThePoll(page);

    await sendOffline(page, poll, KEPT);
    const [entry, ...others] = await queuedEntries(page);
    assert.equal(others.length, 0, 'one item in the outbox');
    assert.equal(entry!.kind, 'consultation-response');
    const responseId = (entry!.payload.response as { id: string }).id;
    assert.equal(entry!.key, `consultation-response:${responseId}`);
    assert.equal(storedResponses().length, before, 'nothing reached the server while offline');
    assert.equal(posts(), 0, 'not even tried while offline');

    await page.context().setOffline(false);
    await poll.locator('[part="thanks"]').waitFor({ timeout: 30_000 });
    await until('the outbox is emptied', () => queuedEntries(page), (entries) => entries.length === 0);
    const rows = storedResponses();
    assert.equal(rows.length, before + 1, 'exactly one new response');
    assert.deepEqual(
      rows.filter(({ id }) => id === responseId),
      [{ id: responseId }],
      'the response given, stored once',
    );
    assert.equal(posts(), 1, 'sent once');
  });

  test('the consultation page reloaded while its response waits shows the answers kept, not the form, then they are stored once', async (t) => {
    const page = await site.newPage(t);
    const before = storedResponses().length;
    const poll = await answerThePoll(page);
    await sendOffline(page, poll, KEPT);
    const responseId = ((await queuedEntries(page))[0]!.payload.response as { id: string }).id;
    // The reload needs the network: the responses' route fails meanwhile, as on a weak connection.
    const responses = `**/v1/consultations/${CONSULTATION}/responses`;
    await page.route(responses, (route) => route.abort('internetdisconnected'));
    await page.context().setOffline(false);
    await page.reload();
    await poll.locator('[part="queued"]').waitFor();
    assert.match(await poll.locator('[part="queued"]').innerText(), new RegExp(KEPT));
    assert.equal(await poll.getByRole('radio').count(), 0, 'no form to answer again');
    assert.equal(storedResponses().length, before, 'not stored yet');

    await page.unroute(responses);
    await poll.locator('[part="thanks"]').waitFor({ timeout: 30_000 });
    await until('the outbox is emptied', () => queuedEntries(page), (entries) => entries.length === 0);
    const rows = storedResponses();
    assert.equal(rows.length, before + 1, 'exactly one new response');
    assert.deepEqual(rows.filter(({ id }) => id === responseId), [{ id: responseId }], 'the response given, stored once');
  });

  test('an agent’s survey response given offline is kept on the device with its token, then stored exactly once when the network returns', async (t) => {
    const invited = await fetch(`${site.backendUrl}/v1/admin/surveys/${SURVEY}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    assert.equal(invited.ok, true, await invited.clone().text());
    const [token] = ((await invited.json()) as { tokens: string[] }).tokens;
    const count = () => query<{ n: number }>('select count(*) as n from survey_responses where survey_id = ?', SURVEY)[0]!.n;
    const before = count();
    const page = await site.newPage(t);
    const posts = countPosts(page, `/v1/surveys/${SURVEY}/responses`);
    await page.goto(`${SITE}/intranet.html#token=${token}`);
    const survey = page.locator('civic-agent-survey');
    await survey.getByRole('button', { name: 'Commencer' }).click();
    const next = () => survey.getByRole('button', { name: 'Partie suivante' }).click();
    // Part 1: a directorate, and no contact with the public (three parts then).
    await survey.getByRole('radio', { name: /^Population et citoyenneté/ }).click();
    await survey.getByRole('radio', { name: 'Non' }).click();
    await next();
    // Part 2: the scale, the matrix (all its statements) and one brake.
    await survey.locator('[part="progress"]', { hasText: 'Partie 2 sur 3' }).waitFor();
    await survey.getByRole('radio', { name: /^4\b/ }).click();
    for (const name of [
      'J’ai les moyens de bien faire mon travail.',
      'Je dispose des informations utiles pour répondre aux usagers.',
      'Nous tenons les délais de réponse promis aux usagers.',
      'Les services coopèrent bien entre eux.',
    ]) {
      await survey.getByRole('group', { name }).getByRole('radio', { name: 'Plutôt d’accord' }).click();
    }
    await survey.getByRole('checkbox', { name: 'Des procédures trop lourdes' }).click();
    await next();
    // Part 3: the ranking, as shown.
    await survey.locator('[part="progress"]', { hasText: 'Partie 3 sur 3' }).waitFor();
    await survey.getByRole('checkbox', { name: 'Je valide ce classement' }).click();

    await sendOffline(page, survey, KEPT);
    const [entry, ...others] = await queuedEntries(page);
    assert.equal(others.length, 0, 'one item in the outbox');
    assert.equal(entry!.kind, 'survey-response');
    assert.equal(entry!.payload.token, token, 'the token waits with the answers');
    assert.equal(entry!.tried, false, 'never tried while offline');
    const draftKey = `civic-pulse:survey:${SURVEY}`;
    assert.notEqual(await page.evaluate((key) => localStorage.getItem(key), draftKey), null, 'the draft stays until the server has the answers');
    assert.equal(count(), before, 'nothing reached the server while offline');

    await page.context().setOffline(false);
    await survey.locator('[part="thanks"]').waitFor({ timeout: 30_000 });
    await until('the outbox is emptied', () => queuedEntries(page), (entries) => entries.length === 0);
    assert.equal(count(), before + 1, 'exactly one new response');
    assert.equal(posts(), 1, 'sent once');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), draftKey), null, 'the draft is deleted once the answers are stored');
    assert.equal(JSON.stringify(query('select * from survey_responses')).includes(token!), false, 'no token beside the answers');
  });
});
