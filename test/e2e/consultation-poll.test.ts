// A citizen takes part in "Réaménagement de la place du marché" on the demo site: answers every
// question, by mouse and by keyboard alone, sees the results, proposes an idea that a moderator
// publishes, and supports another. Everything goes to the real backend and is checked in its file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_TOKEN, SITE, focused, queryDatabase, useSite } from './site.js';

const site = useSite();
const CONSULTATION = 'place-du-marche';
const STORAGE_KEY = `civic-pulse:consultation:${CONSULTATION}`;

/** Rows of the SQLite file, read beside the running server. */
const query = <Row>(sql: string, ...parameters: unknown[]): Row[] => queryDatabase<Row>(site.databaseFile, sql, ...parameters);

const storedResponses = () =>
  query<{ id: string; participant: string; answers: string }>('select id, participant, answers from consultation_responses where consultation_id = ? order by received_at', CONSULTATION);

/** What the page keeps on the device: cookies, localStorage, IndexedDB databases. */
async function deviceStorage(page: Page) {
  const cookies = await page.context().cookies();
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.fromEntries(Object.entries(localStorage)),
    indexedDB: (await indexedDB.databases()).map(({ name }) => name),
  }));
  return { cookies: cookies.length, ...inPage };
}

async function admin(method: string, path: string, body?: object): Promise<unknown> {
  const answer = await fetch(`${site.backendUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

async function openPoll(page: Page): Promise<Locator> {
  await page.goto(`${SITE}/place-du-marche.html`);
  const poll = page.locator('civic-consultation-poll');
  await poll.getByRole('heading', { name: 'Réaménagement de la place du marché' }).waitFor();
  return poll;
}

const next = (poll: Locator) => poll.getByRole('button', { name: 'Question suivante' }).click();

describe('<civic-consultation-poll> on the demo site, against the real backend', { timeout: 90_000 }, () => {
  test('with the mouse, step by step: answered, stored once, results shown; the browser then remembers it took part', async (t) => {
    const page = await site.newPage(t);
    const poll = await openPoll(page);
    const before = storedResponses().length;
    assert.deepEqual(await deviceStorage(page), { cookies: 0, localStorage: {}, indexedDB: [] }, 'nothing on the device before acting');

    await poll.getByRole('radio', { name: 'Oui' }).click();
    await next(poll);
    await poll.getByRole('radio', { name: 'Une place plantée et piétonne' }).click();
    await next(poll);
    // Sending on without the required choice says so, and stays on the question.
    await next(poll);
    await poll.locator('[part="error-summary"]').waitFor();
    await poll.getByRole('checkbox', { name: 'Faire mon marché' }).click();
    await poll.getByRole('checkbox', { name: 'Me promener, m’asseoir à l’ombre' }).click();
    await next(poll);
    await poll.getByRole('button', { name: 'Descendre « L’ombre et la végétation »' }).click();
    await poll.getByRole('button', { name: 'Monter « La sécurité des piétons et des cyclistes »' }).click();
    await next(poll);
    await poll.getByRole('radio', { name: /^2\b/ }).click();
    await next(poll);
    await poll.getByRole('textbox', { name: /Souhaitez-vous ajouter quelque chose/ }).fill('Plus de bancs, merci.');
    assert.deepEqual(await deviceStorage(page), { cookies: 0, localStorage: {}, indexedDB: [] }, 'still nothing while answering');

    const posted = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/v1/consultations/${CONSULTATION}/responses`));
    await poll.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    assert.equal((await posted).status(), 201);
    await poll.locator('[part="thanks"]').waitFor();
    assert.match(await poll.locator('[part="thanks"]').innerText(), /Merci, vos réponses ont bien été enregistrées\./);

    const rows = storedResponses();
    assert.equal(rows.length, before + 1, 'exactly one new response');
    assert.deepEqual(JSON.parse(rows.at(-1)!.answers), {
      pertinence: true,
      amenagement: 'place-plantee',
      usages: ['marche', 'promenade'],
      priorites: ['accessibilite', 'vegetation', 'securite', 'stationnement'],
      satisfaction: 2,
      commentaire: 'Plus de bancs, merci.',
    });

    // Results, as bars and as a table with a caption.
    const table = poll.getByRole('table', { name: /Quel scénario d’aménagement préférez-vous/ });
    await table.waitFor({ state: 'attached' });
    assert.match((await table.textContent()) ?? '', /Une place plantée et piétonne/);

    const stored = (await deviceStorage(page)).localStorage;
    assert.deepEqual(Object.keys(stored), [STORAGE_KEY], 'one key, for this consultation only');
    assert.deepEqual(JSON.parse(stored[STORAGE_KEY]!), { participant: rows.at(-1)!.participant, answered: true });

    await page.reload();
    await poll.locator('[part="already-answered"]').waitFor();
    assert.match(await poll.locator('[part="already-answered"]').innerText(), /Ce navigateur a déjà participé à cette consultation/);
    await poll.getByRole('heading', { name: 'Résultats' }).waitFor();
    assert.equal(await poll.getByRole('button', { name: 'Envoyer mes réponses' }).count(), 0, 'no form to answer again');
    assert.equal(storedResponses().length, before + 1);
  });

  test('keyboard alone, as one form: every question answered and sent without the mouse', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/place-du-marche.html`);
    const poll = page.locator('civic-consultation-poll');
    await poll.evaluate((element) => element.setAttribute('layout', 'form'));
    await poll.getByRole('radio', { name: 'Oui' }).waitFor();
    const before = storedResponses().length;

    // Tab from the top of the page to the first question, then through the whole form.
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
    };
    const tabUntil = async (pattern: RegExp) => {
      for (let presses = 0; presses < 150; presses += 1) {
        await press('Tab');
        if (pattern.test(await focused(page))) return;
      }
      assert.fail(`150 Tab presses never reached ${pattern}`);
    };
    await tabUntil(/^radio Oui$/);
    await press('Space');
    await tabUntil(/^radio Une place plantée/);
    await press('ArrowDown'); // arrows move and choose within a group of radios
    assert.match(await focused(page), /^radio Une place partagée/);
    await tabUntil(/^checkbox Emmener des enfants jouer$/);
    await press('Space');
    await tabUntil(/Monter « Le stationnement »/);
    await press('Enter');
    await tabUntil(/^radio 1\b/);
    await press('ArrowDown', 4);
    assert.match(await focused(page), /^radio 5\b/);
    const posted = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/responses'));
    await tabUntil(/Envoyer mes réponses/);
    await press('Enter');
    assert.equal((await posted).status(), 201);
    await poll.locator('[part="thanks"]').waitFor();

    const answers = JSON.parse(storedResponses().at(-1)!.answers) as Record<string, unknown>;
    assert.equal(storedResponses().length, before + 1);
    assert.deepEqual(answers, {
      pertinence: true,
      amenagement: 'place-partagee',
      usages: ['jeux'],
      priorites: ['vegetation', 'stationnement', 'accessibilite', 'securite'],
      satisfaction: 5,
    });
  });

  test('an idea: proposed, waiting for moderation, published by the admin, then supported once by another browser', async (t) => {
    const author = await site.newPage(t);
    const poll = await openPoll(author);
    const ideas = poll.locator('civic-consultation-ideas');
    const title = `Des fontaines à boire ${Date.now()}`;
    await ideas.getByRole('textbox', { name: 'Titre de votre idée (obligatoire)' }).fill(title);
    await ideas.getByRole('textbox', { name: 'Description (facultatif)' }).fill('Pour les jours de marché en été.');
    await ideas.getByRole('button', { name: 'Proposer mon idée' }).click();
    await ideas.getByText(/Merci, votre idée a bien été reçue/).first().waitFor();
    await ideas.getByText(title).first().waitFor();
    assert.deepEqual(Object.keys((await deviceStorage(author)).localStorage), [STORAGE_KEY], 'the participant is stored once the idea is sent');

    const [row] = query<{ id: string; status: string }>('select id, status from consultation_ideas where title = ?', title);
    assert.equal(row?.status, 'pending');

    // Another browser does not see it until a moderator publishes it.
    const citizen = await site.newPage(t);
    const otherPoll = await openPoll(citizen);
    const otherIdeas = otherPoll.locator('civic-consultation-ideas');
    await otherIdeas.getByRole('heading', { name: 'Idées publiées' }).waitFor();
    assert.equal(await otherIdeas.getByText(title).count(), 0);

    await admin('POST', `/v1/admin/consultations/${CONSULTATION}/ideas/${row!.id}/moderation`, { status: 'published' });
    await citizen.reload();
    const support = otherIdeas.getByRole('button', { name: `Soutenir l’idée « ${title} »` });
    await support.click();
    await otherIdeas.getByRole('button', { name: `Vous soutenez cette idée (« ${title} »)` }).waitFor();
    assert.deepEqual(query('select supports from consultation_ideas where id = ?', row!.id), [{ supports: 1 }]);
    assert.deepEqual(query('select count(*) as n from consultation_idea_supports where idea_id = ?', row!.id), [{ n: 1 }]);

    await citizen.reload();
    await otherIdeas.getByRole('button', { name: `Vous soutenez cette idée (« ${title} »)` }).waitFor();
  });
});
