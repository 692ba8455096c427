// The demo page under the strict Content-Security-Policy of issue 2: not one violation, the rating
// styled through adopted stylesheets, and sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ADMIN_TOKEN, SITE, ratingSentBy, storedRatings, thanksOf, useSite } from './site.js';

const site = useSite();

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
// The same, with Trusted Types enforced: Lit writes its templates through its own policy, `lit-html`,
// which is the one name a city must allow; nothing of ours assigns a string to an HTML or script sink.
const CSP_WITH_TRUSTED_TYPES = `${CSP}; require-trusted-types-for 'script'; trusted-types lit-html`;

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

declare global {
  interface Window {
    cspViolations: Violation[];
  }
}

describe('the demo page under a strict CSP', { timeout: 60_000 }, () => {
  for (const [name, policy] of [['strict CSP', CSP], ['strict CSP and Trusted Types', CSP_WITH_TRUSTED_TYPES]]) test(`État civil under ${name}: zero securitypolicyviolation, the rating styled and sent`, async (t) => {
    const page = await site.newPage(t);
    // Page routes win over the context's: only the document gets the header, as a CMS would send it.
    // With no connect-src, default-src 'self' governs the ratings' POST too: the endpoint must be
    // the page's own origin, which SITE makes it (see site.ts).
    await page.route(`${SITE}/etat-civil.html`, (route) => site.forward(route, { 'content-security-policy': policy }));
    // Before any of the page's scripts: the event is composed, so violations inside shadow roots
    // reach the document too.
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
      });
    });
    const before = storedRatings(site.databaseFile).length;

    const response = await page.goto(`${SITE}/etat-civil.html`);
    assert.equal(response?.headers()['content-security-policy'], policy);
    const rating = page.locator('civic-satisfaction-rating');
    const option = rating.locator('[part="option"]').first();
    await option.waitFor();
    const styling = await option.evaluate((element) => {
      const root = element.getRootNode() as ShadowRoot;
      const style = getComputedStyle(element);
      return {
        border: `${style.borderTopWidth} ${style.borderTopStyle}`,
        adoptedStyleSheets: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll('style').length,
      };
    });
    // A <label>'s own default is "0px none": 2px solid is the element's stylesheet at work, and it
    // came through adoptedStyleSheets, not a <style> that style-src would have had to allow.
    assert.equal(styling.border, '2px solid');
    assert.ok(styling.adoptedStyleSheets > 0);
    assert.equal(styling.styleElements, 0);

    await rating.getByRole('radio', { name: 'Satisfait', exact: true }).click();
    const sent = await ratingSentBy(page, () => rating.getByRole('button', { name: 'Envoyer mon avis' }).click());
    assert.equal((await thanksOf(rating)).announced, 'Merci, votre avis a bien été envoyé.');
    const rows = storedRatings(site.databaseFile);
    assert.equal(rows.length, before + 1);
    assert.equal(rows.at(-1)!.id, sent.id);

    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);

    // The listener does catch what this policy forbids: an inline style attribute is reported, so
    // the empty list above means nothing was blocked, not that nothing was listened to.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'inline' })));
    await page.evaluate(() => document.body.lastElementChild!.setAttribute('style', 'color: red'));
    const expected = ['style-src-attr'];
    if (policy === CSP_WITH_TRUSTED_TYPES) {
      // And Trusted Types are enforced, so Lit's templates above really went through its policy.
      const assigned = await page.evaluate(() => {
        try {
          document.body.lastElementChild!.innerHTML = '<b>raw</b>';
          return 'allowed';
        } catch {
          return 'refused';
        }
      });
      assert.equal(assigned, 'refused');
      expected.push('require-trusted-types-for');
    }
    await page.waitForFunction((count) => window.cspViolations.length >= count, expected.length);
    assert.deepEqual(
      (await page.evaluate(() => window.cspViolations)).map((violation) => violation.directive),
      expected,
    );
  });

  test('the consultation page under strict CSP and Trusted Types: the poll, its results and its ideas load their code and styles with zero violations', async (t) => {
    const page = await site.newPage(t);
    await page.route(`${SITE}/place-du-marche.html`, (route) => site.forward(route, { 'content-security-policy': CSP_WITH_TRUSTED_TYPES }));
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
      });
      // A browser that has taken part: the poll opens on its results, whose code, messages and
      // stylesheet come lazily, as do the ideas'. The results of this consultation are public after a vote.
      localStorage.setItem('civic-pulse:consultation:place-du-marche', JSON.stringify({ participant: 'csp-test', answered: true }));
    });

    await page.goto(`${SITE}/place-du-marche.html`);
    const poll = page.locator('civic-consultation-poll');
    await poll.getByRole('heading', { name: 'Résultats' }).waitFor();
    await poll.getByRole('table', { name: /Quel scénario d’aménagement préférez-vous/ }).waitFor({ state: 'attached' });
    await poll.locator('civic-consultation-ideas').getByRole('heading', { name: 'Idées publiées' }).waitFor();
    const styling = await poll.evaluate((element) => ({
      poll: element.shadowRoot!.adoptedStyleSheets.length,
      ideas: element.shadowRoot!.querySelector('civic-consultation-ideas')!.shadowRoot!.adoptedStyleSheets.length,
      styleElements: element.shadowRoot!.querySelectorAll('style').length,
    }));
    assert.ok(styling.poll > 0 && styling.ideas > 0, JSON.stringify(styling));
    assert.equal(styling.styleElements, 0);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  });
  test('the intranet pages under strict CSP and Trusted Types: the agents’ survey, its questions and the manager’s results load their code and styles with zero violations', async (t) => {
    const issue = async (path: string, body: object) => {
      const answer = await fetch(`${site.backendUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await answer.json()) as { tokens?: string[]; token?: string };
    };
    const { tokens } = await issue('/v1/admin/surveys/qualite-de-service/invitations', { count: 1 });
    const { token: reader } = await issue('/v1/admin/surveys/qualite-de-service-precedente/readers', {});
    const page = await site.newPage(t);
    for (const file of ['intranet.html', 'intranet-resultats.html']) {
      await page.route(`${SITE}/${file}`, (route) => site.forward(route, { 'content-security-policy': CSP_WITH_TRUSTED_TYPES }));
    }
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
      });
    });

    await page.goto(`${SITE}/intranet.html#token=${tokens![0]}`);
    const survey = page.locator('civic-agent-survey');
    await survey.getByRole('button', { name: 'Commencer' }).click();
    await survey.getByRole('radio', { name: /^Culture et sports/ }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'the survey');

    await page.goto(`${SITE}/intranet-resultats.html#token=${reader}`);
    const results = page.locator('civic-agent-survey');
    await results.getByRole('combobox', { name: 'Voir par' }).waitFor();
    const styleElements = await results.evaluate((element) => {
      const view = element.shadowRoot!.querySelector('civic-survey-results')!;
      return element.shadowRoot!.querySelectorAll('style').length + view.shadowRoot!.querySelectorAll('style').length + (view.shadowRoot!.adoptedStyleSheets.length > 0 ? 0 : 1);
    });
    assert.equal(styleElements, 0, 'styles adopted, none inline');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'the results');
  });
  test('the barometer page under strict CSP and Trusted Types: both badges load their code and styles with zero violations', async (t) => {
    const page = await site.newPage(t);
    await page.route(`${SITE}/barometre.html`, (route) => site.forward(route, { 'content-security-policy': CSP_WITH_TRUSTED_TYPES }));
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
      });
    });
    await page.goto(`${SITE}/barometre.html`);
    const badges = page.locator('civic-barometer-badge');
    await badges.first().getByRole('table').waitFor({ state: 'attached' });
    await badges.last().locator('[part="not-enough"]').first().waitFor();
    const styling = await badges.evaluateAll((elements) => elements.map((element) => [element.shadowRoot!.adoptedStyleSheets.length > 0, element.shadowRoot!.querySelectorAll('style').length]));
    assert.deepEqual(styling, [
      [true, 0],
      [true, 0],
    ]);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  });
});
