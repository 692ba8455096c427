// An agent answers the demo intranet's survey "Qualité du service rendu" from an invitation link,
// leaves half-way and comes back, sends, and finds the link used up; another types a token; a
// manager reads last year's results by directorate. Everything goes to the real backend, whose
// file is then read to check what was kept, and what was not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_TOKEN, SITE, focused, queryDatabase, useSite } from './site.js';

const site = useSite();
const SURVEY = 'qualite-de-service';
const PAST_SURVEY = 'qualite-de-service-precedente';
const TITLE = 'Qualité du service rendu : votre regard d’agent';

/** Rows of the SQLite file, read beside the running server. */
const query = <Row>(sql: string, ...parameters: unknown[]): Row[] => queryDatabase<Row>(site.databaseFile, sql, ...parameters);

const storedAnswers = () => query<{ answers: string }>('select answers from survey_responses where survey_id = ?', SURVEY).map((row) => JSON.parse(row.answers) as Record<string, unknown>);

async function admin<T>(path: string, body: object = {}): Promise<T> {
  const answer = await fetch(`${site.backendUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

const invitation = async () => (await admin<{ tokens: string[] }>(`/v1/admin/surveys/${SURVEY}/invitations`, { count: 1 })).tokens[0]!;

async function openSurvey(page: Page, token?: string): Promise<Locator> {
  await page.goto(`${SITE}/intranet.html${token ? `#token=${token}` : ''}`);
  return page.locator('civic-agent-survey');
}

const localStorageOf = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const next = (survey: Locator) => survey.getByRole('button', { name: 'Partie suivante' }).click();
/** The progress line above the part (the live status says it too, with the part's title). */
const progress = (survey: Locator, text: string) => survey.locator('[part="progress"]', { hasText: text });
const statement = (survey: Locator, name: string) => survey.getByRole('group', { name });

/** Horizontal overflow of the page, in CSS pixels: 0 when nothing makes the agent scroll sideways. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('<civic-agent-survey> on the demo intranet, against the real backend', { timeout: 120_000 }, () => {
  test('from the invitation link: told of anonymity, answers part by part, resumes after a reload, sends once; nothing links the answers to the token', async (t) => {
    const token = await invitation();
    const page = await site.newPage(t);
    const before = storedAnswers().length;
    let survey = await openSurvey(page, token);

    await survey.getByRole('heading', { name: TITLE }).waitFor();
    assert.match(await survey.locator('[part="anonymity"]').innerText(), /Vos réponses sont anonymes/);
    assert.deepEqual(await localStorageOf(page), {}, 'nothing on the device before the agent acts');
    await survey.getByRole('button', { name: 'Commencer' }).click();

    // Part 1: the directorate and contact with the public, which opens part 3.
    // Four parts once the agent says they meet the public; three until then.
    await progress(survey, 'Partie 1 sur 3').waitFor();
    await survey.getByRole('radio', { name: /^Population et citoyenneté/ }).click();
    await survey.getByRole('radio', { name: 'Oui' }).click();
    await progress(survey, 'Partie 1 sur 4').waitFor();
    await next(survey);

    // Part 2: validation before moving on, then the scale, the matrix and the brakes.
    await progress(survey, 'Partie 2 sur 4').waitFor();
    assert.equal(await focused(page), 'section-title La qualité du service rendu', 'focus on the new part’s title');
    await next(survey);
    await survey.locator('[part="error-summary"]').waitFor();
    await progress(survey, 'Partie 2 sur 4').waitFor();
    await survey.getByRole('radio', { name: /^4\b/ }).click();
    for (const [name, choice] of [
      ['J’ai les moyens de bien faire mon travail.', 'Plutôt d’accord'],
      ['Je dispose des informations utiles pour répondre aux usagers.', 'Tout à fait d’accord'],
      ['Nous tenons les délais de réponse promis aux usagers.', 'Plutôt pas d’accord'],
      ['Les services coopèrent bien entre eux.', 'Ni d’accord ni pas d’accord'],
    ] as const) {
      await statement(survey, name).getByRole('radio', { name: choice }).click();
    }
    await survey.getByRole('checkbox', { name: 'Des procédures trop lourdes' }).click();
    await survey.getByRole('checkbox', { name: 'Un manque de coordination entre services' }).click();
    await next(survey);
    await progress(survey, 'Partie 3 sur 4').waitFor();

    // The agent leaves and comes back: the draft kept on this device brings them back here.
    const draft = await localStorageOf(page);
    assert.equal(Object.keys(draft).length, 1, 'one draft, for this survey');
    await page.reload();
    survey = page.locator('civic-agent-survey');
    await survey.locator('[part="resumed"]', { hasText: 'Brouillon repris' }).waitFor();
    await progress(survey, 'Partie 3 sur 4').waitFor();
    await survey.getByRole('radio', { name: 'Le téléphone' }).click();
    await next(survey);

    // Part 4, by keyboard alone: the ranking, the optional idea, and the send.
    await progress(survey, 'Partie 4 sur 4').waitFor();
    await survey.getByRole('button', { name: 'Monter « Simplifier les procédures internes »' }).focus();
    await page.keyboard.press('Enter');
    await survey.getByRole('textbox', { name: /Une idée pour améliorer le service/ }).fill('Un guichet unique pour les démarches des familles.');
    await survey.getByRole('button', { name: 'Envoyer mes réponses' }).focus();
    await page.keyboard.press('Enter');
    await survey.getByText('Merci, vos réponses ont bien été enregistrées.').first().waitFor();
    assert.deepEqual(await localStorageOf(page), {}, 'the draft is deleted once sent');

    const stored = storedAnswers();
    assert.equal(stored.length, before + 1, 'exactly one response');
    assert.deepEqual(stored.at(-1), {
      direction: 'population',
      'accueil-public': true,
      'qualite-globale': 4,
      affirmations: { moyens: 'plutot', informations: 'tout-a-fait', delais: 'plutot-pas', cooperation: 'neutre' },
      freins: ['procedures', 'coordination'],
      'canal-difficile': 'telephone',
      priorites: ['outils-numeriques', 'simplification', 'formation', 'horaires'],
      idee: 'Un guichet unique pour les démarches des familles.',
    });
    const [row] = query<Record<string, unknown>>('select * from survey_responses where survey_id = ? limit 1', SURVEY);
    assert.deepEqual(Object.keys(row!).sort(), ['answers', 'id', 'received_day', 'survey_id'], 'no token, time or sequence beside the answers');
    assert.equal(JSON.stringify(query('select * from survey_responses')).includes(token), false);

    // The same link again: used up, said plainly.
    survey = await openSurvey(await site.newPage(t), token);
    await survey.getByText(/Ce jeton d’invitation a déjà servi/).first().waitFor();
  });

  test('a typed token: a wrong one is refused with a clear message, the right one opens the survey', async (t) => {
    const token = await invitation();
    const page = await site.newPage(t);
    const survey = await openSurvey(page);
    const field = survey.getByRole('textbox', { name: 'Jeton d’invitation' });
    await field.fill('0123456789abcdef');
    await survey.getByRole('button', { name: 'Ouvrir l’enquête' }).click();
    await survey.getByText(/Ce jeton d’invitation n’est pas reconnu pour cette enquête/).waitFor();
    await survey.getByRole('textbox', { name: 'Jeton d’invitation' }).fill(token);
    await survey.getByRole('button', { name: 'Ouvrir l’enquête' }).click();
    await survey.getByRole('heading', { name: TITLE }).waitFor();
  });

  test('on a 320 px phone, nothing scrolls sideways', async (t) => {
    const token = await invitation();
    const page = await site.newPage(t);
    await page.setViewportSize({ width: 320, height: 640 });
    const survey = await openSurvey(page, token);
    await survey.getByRole('button', { name: 'Commencer' }).click();
    await survey.getByRole('radio', { name: /^Services techniques/ }).click();
    await survey.getByRole('radio', { name: 'Non' }).click();
    await next(survey);
    await survey.getByRole('group', { name: 'Les services coopèrent bien entre eux.' }).waitFor();
    assert.equal(await sidewaysOverflow(page), 0);
  });

  test('a manager reads last year’s results with a read token: by directorate, a group of three withheld', async (t) => {
    const { token } = await admin<{ token: string }>(`/v1/admin/surveys/${PAST_SURVEY}/readers`);
    const page = await site.newPage(t);
    await page.goto(`${SITE}/intranet-resultats.html#token=${token}`);
    const results = page.locator('civic-agent-survey');
    await results.getByText(/42 réponses sur \d+ agents invités/).waitFor();
    await results.getByRole('table', { name: /Comment jugez-vous la qualité du service/ }).waitFor();

    await results.getByRole('combobox', { name: 'Voir par' }).selectOption({ label: 'Votre direction' });
    const groups = results.getByRole('combobox', { name: 'Groupe' });
    const culture = await groups.locator('option', { hasText: 'Culture et sports' }).innerText();
    assert.match(culture, /masqué/);
    await groups.selectOption({ label: await groups.locator('option', { hasText: 'Services techniques' }).innerText() });
    await results.locator('[part="scope"]', { hasText: /Services techniques.*\s:\s14 répondants/ }).waitFor();
  });
});
