import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { SurveyResults } from '@civic-pulse/core';
import './survey-results.js';
import type { CivicSurveyResults } from './survey-results-element.js';
import { OPEN, PUBLISHED, TOO_FEW, WITHOUT_BREAKDOWNS } from '../../../../stories/support/survey-results-fixture.js';
import { accessibleNames } from '../test-support/a11y.js';

// Compared as strings throughout: a failing assertion that prints a DOM element hangs the runner.

async function view(results: SurveyResults, attributes: { lang?: string; headingLevel?: number } = {}): Promise<CivicSurveyResults> {
  const el = await fixture<CivicSurveyResults>(
    html`<civic-survey-results .results=${results} lang=${attributes.lang ?? 'fr'} heading-level=${attributes.headingLevel ?? 2}></civic-survey-results>`,
  );
  await el.updateComplete;
  return el;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
const part = (el: CivicSurveyResults, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: CivicSurveyResults, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (el: CivicSurveyResults, name: string) => squash(part(el, name)?.textContent);
/** One question's results, found by its heading. */
const result = (el: CivicSurveyResults, label: string) => parts(el, 'result').find((node) => node.querySelector('[role="heading"]')?.textContent === label);
/** A table as lines: its caption, then each row's cells joined by " | ". */
const rows = (table: HTMLTableElement | null | undefined) =>
  table ? [squash(table.caption?.textContent), ...[...table.rows].map((row) => [...row.cells].map((cell) => squash(cell.textContent)).join(' | '))] : [];
const tableOf = (el: CivicSurveyResults, label: string) => rows(result(el, label)?.querySelector('table'));
const percent = (share: number, lang = 'fr') => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
const closes = (iso: string, lang = 'fr') => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

async function choose(el: CivicSurveyResults, name: 'view-select' | 'group-select', value: string): Promise<HTMLSelectElement> {
  const select = part(el, name) as HTMLSelectElement;
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  return select;
}

describe('<civic-survey-results>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('not published', () => {
    it('tells the participation, the closing date, and why results wait for the close', async () => {
      const el = await view(OPEN);
      expect(text(el, 'title')).to.equal('Qualité de vie au travail et qualité du service rendu');
      expect(text(el, 'participation')).to.equal(`31 réponses sur 120 agents invités (${percent(31 / 120)})`);
      expect(text(el, 'dates')).to.equal(squash(`En cours, clôture le ${closes(OPEN.closesAt)}.`));
      expect(text(el, 'notice')).to.equal(
        squash(`Les résultats seront publiés à la clôture, le ${closes(OPEN.closesAt)}. Les publier pendant que des réponses arrivent encore permettrait de lire les dernières par différence entre deux publications.`),
      );
      expect(parts(el, 'table').length).to.equal(0);
      expect(part(el, 'view-select') === null).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('says a survey not open yet is scheduled', async () => {
      const scheduled = await view({ ...OPEN, status: 'scheduled', received: 0 });
      expect(text(scheduled, 'dates')).to.equal(squash(`Pas encore ouverte, clôture prévue le ${closes(OPEN.closesAt)}.`));
      expect(text(scheduled, 'participation')).to.equal(`0 réponse sur 120 agents invités (${percent(0)})`);
      await expect(scheduled).to.be.accessible();
    });

    it('says once, rather than question by question, that a survey closed with too few respondents is withheld', async () => {
      const el = await view(TOO_FEW);
      expect(TOO_FEW.published).to.be.true;
      expect(text(el, 'participation')).to.equal(`4 réponses sur 120 agents invités (${percent(4 / 120)})`);
      expect(text(el, 'notice')).to.equal('Les résultats sont masqués\u00a0: moins de 5 agents ont répondu, pour protéger l’anonymat.');
      expect(parts(el, 'result').length).to.equal(0);
      expect(part(el, 'view-select') === null).to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('published', () => {
    it('puts the title, the guide, each section and each question under headings at the level asked for', async () => {
      const el = await view(PUBLISHED, { headingLevel: 3 });
      const headings = [...el.shadowRoot!.querySelectorAll('[role="heading"]')].map((node) => `${node.getAttribute('aria-level')} ${squash(node.textContent)}`);
      expect(headings.slice(0, 6)).to.deep.equal([
        '3 Qualité de vie au travail et qualité du service rendu',
        '4 Comment lire ces résultats',
        '4 Ensemble des répondants\u00a0: 42 agents',
        '5 Vous',
        '6 Dans quelle direction travaillez-vous\u202f?',
        '6 Encadrez-vous une équipe\u202f?',
      ]);
      expect(text(el, 'dates')).to.equal(squash(`Clôturée le ${closes(PUBLISHED.closesAt)}.`));
      expect(text(el, 'guide')).to.contain('aucun résultat ne porte sur moins de 5 répondants');
      expect(text(el, 'guide')).to.contain('s’il y en a au moins 8');
    });

    it('shows single, yes/no, multiple and scale tallies with counts and shares of those who answered', async () => {
      const el = await view(PUBLISHED);
      expect(tableOf(el, 'Dans quelle direction travaillez-vous\u202f?')).to.deep.equal([
        'Dans quelle direction travaillez-vous\u202f?',
        'Réponse | Nombre de réponses | Part des réponses',
        `Services techniques | 14 | ${percent(14 / 40)}`,
        `Population et citoyenneté | 12 | ${percent(12 / 40)}`,
        `Finances et ressources humaines | 11 | ${percent(11 / 40)}`,
        `Éducation et enfance | 3 | ${percent(3 / 40)}`,
      ]);
      expect(tableOf(el, 'Encadrez-vous une équipe\u202f?').slice(2)).to.deep.equal([`Oui | 11 | ${percent(11 / 42)}`, `Non | 31 | ${percent(31 / 42)}`]);
      expect(tableOf(el, 'Quelles améliorations seraient prioritaires\u202f?').slice(2)).to.deep.equal([
        `Formation | 11 | ${percent(11 / 35)}`,
        `Locaux | 10 | ${percent(10 / 35)}`,
        `Outils numériques | 7 | ${percent(7 / 35)}`,
        `Effectifs | 28 | ${percent(28 / 35)}`,
      ]);
      const scale = result(el, 'Êtes-vous satisfait de vos conditions de travail\u202f?')!;
      expect(squash(scale.textContent)).to.contain('Réponses à cette question\u00a0: 42');
      expect(squash(scale.textContent)).to.contain('Moyenne\u00a0: 3,1, sur une échelle de 1 à 5');
      expect(rows(scale.querySelector('table')).slice(2)).to.deep.equal([1, 2, 3, 4, 5].map((value) => {
        const count = [7, 9, 8, 8, 10][value - 1]!;
        return `${value} | ${count} | ${percent(count / 42)}`;
      }));
      // The bars say the same for the eye, hidden from screen readers.
      const bars = scale.querySelector('[part~="bars"]')!;
      expect(bars.getAttribute('aria-hidden')).to.equal('true');
      expect(squash(bars.querySelector('.bar-value')!.textContent)).to.equal(`7 (${percent(7 / 42)})`);
      await expect(el).to.be.accessible();
    });

    it('ranks by Borda points and says how they are counted', async () => {
      const el = await view(PUBLISHED);
      const label = 'Classez ces priorités pour mieux servir les usagers';
      expect(tableOf(el, label)).to.deep.equal([label, 'Réponse | Points', 'Les délais de réponse | 98', 'L’accueil téléphonique | 84', 'Les démarches en ligne | 70']);
      expect(squash(result(el, label)!.textContent)).to.contain('chaque réponse donne 3 points à l’élément classé premier');
    });

    it('shows a matrix as a table of statements by options, and says a withheld statement is withheld', async () => {
      const el = await view(PUBLISHED);
      const label = 'Êtes-vous d’accord avec ces affirmations\u202f?';
      expect(tableOf(el, label)).to.deep.equal([
        label,
        'Affirmation | Réponses | Pas du tout d’accord | Plutôt pas d’accord | Plutôt d’accord | Tout à fait d’accord',
        `Mon travail a du sens | 42 | 0 (${percent(0)}) | 14 (${percent(1 / 3)}) | 14 (${percent(1 / 3)}) | 14 (${percent(1 / 3)})`,
        `Mon travail est reconnu par ma hiérarchie | 42 | 11 (${percent(11 / 42)}) | 11 (${percent(11 / 42)}) | 10 (${percent(10 / 42)}) | 10 (${percent(10 / 42)})`,
        `Je dispose des outils nécessaires | 42 | 7 (${percent(7 / 42)}) | 16 (${percent(16 / 42)}) | 9 (${percent(9 / 42)}) | 10 (${percent(10 / 42)})`,
        'L’organisation du télétravail me convient | Masqué\u00a0: moins de 5 répondants, pour protéger l’anonymat.',
      ]);
      const statements = [...result(el, label)!.querySelectorAll('.statement-label')].map((node) => squash(node.textContent));
      expect(statements).to.deep.equal([
        'Mon travail a du sens (42 réponses)',
        'Mon travail est reconnu par ma hiérarchie (42 réponses)',
        'Je dispose des outils nécessaires (42 réponses)',
        'L’organisation du télétravail me convient',
      ]);
      await expect(el).to.be.accessible();
    });

    it('says in words that a question or comments are withheld, and lists comments when there are enough', async () => {
      const el = await view(PUBLISHED);
      expect(squash(result(el, 'Avez-vous déjà fait appel à la médiation interne\u202f?')!.textContent)).to.equal(
        'Avez-vous déjà fait appel à la médiation interne\u202f? Masqué\u00a0: moins de 5 répondants, pour protéger l’anonymat.',
      );
      expect(squash(result(el, 'Un point à signaler à la direction générale\u202f?')!.textContent)).to.contain('Commentaires masqués\u00a0: moins de 8, pour protéger l’anonymat.');
      const ideas = result(el, 'Une idée pour améliorer le service rendu\u202f?')!;
      const comments = [...ideas.querySelectorAll('[part~="comments"] li')].map((node) => node.textContent);
      expect(comments.length).to.equal(14);
      expect(comments[0]).to.equal('Afficher les délais de traitement aux usagers.');
      // The list is named by the title above it (Chromium's snapshot leaves lists out, so the reference is checked).
      const list = ideas.querySelector('[part~="comments"]')!;
      expect(el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)?.textContent).to.equal('Commentaires (14)');
    });
  });

  describe('breakdowns', () => {
    it('offers all respondents or each breakdown question, labelled', async () => {
      const el = await view(PUBLISHED);
      const select = part(el, 'view-select') as HTMLSelectElement;
      expect([...select.options].map((option) => option.text.trim())).to.deep.equal([
        'Ensemble des répondants',
        'Dans quelle direction travaillez-vous\u202f?',
        'Encadrez-vous une équipe\u202f?',
      ]);
      expect(await accessibleNames('combobox')).to.deep.equal(['Voir par']);
      expect(part(el, 'group-select') === null).to.be.true;
    });

    it('shows the first published group of a breakdown, lists every group with its respondents, announces the change and keeps focus', async () => {
      const el = await view(PUBLISHED);
      const select = await choose(el, 'view-select', 'direction');
      const groups = part(el, 'group-select') as HTMLSelectElement;
      expect([...groups.options].map((option) => squash(option.text))).to.deep.equal([
        'Services techniques (14 répondants)',
        'Population et citoyenneté (12 répondants)',
        'Finances et ressources humaines (11 répondants)',
        'Éducation et enfance (masqué)',
        'Sans réponse (masqué)',
      ]);
      expect(groups.value).to.equal('techniques');
      expect(text(el, 'scope')).to.equal('Services techniques\u00a0: 14 répondants');
      expect(el.shadowRoot!.activeElement === select).to.be.true;
      await waitUntil(() => text(el, 'status') !== '', 'the change is announced');
      expect(text(el, 'status')).to.equal('Résultats affichés\u00a0: Services techniques\u00a0: 14 répondants.');
      expect(tableOf(el, 'Encadrez-vous une équipe\u202f?')[0]).to.equal('Encadrez-vous une équipe\u202f?');
      // A group shows no comments: they are the whole survey's only.
      expect(squash(result(el, 'Une idée pour améliorer le service rendu\u202f?')!.textContent)).to.contain(
        'Les commentaires ne sont publiés que pour l’ensemble des répondants.',
      );
      expect(await accessibleNames('combobox')).to.deep.equal(['Voir par', 'Groupe']);
      await expect(el).to.be.accessible();
    });

    it('renders the chosen group as the whole survey, with its own numbers', async () => {
      const el = await view(PUBLISHED);
      await choose(el, 'view-select', 'direction');
      await choose(el, 'group-select', 'ressources');
      expect(text(el, 'scope')).to.equal('Finances et ressources humaines\u00a0: 11 répondants');
      const group = PUBLISHED.breakdowns['direction']!['ressources'] as { questions: Record<string, { answered: number; counts: Record<string, number> }> };
      const yes = group.questions['encadrant']!.counts['yes']!;
      expect(tableOf(el, 'Encadrez-vous une équipe\u202f?').slice(2)).to.deep.equal([`Oui | ${yes} | ${percent(yes / 11)}`, `Non | ${11 - yes} | ${percent((11 - yes) / 11)}`]);
      expect(squash(result(el, 'Une idée pour améliorer le service rendu\u202f?')!.textContent)).to.contain('Masqué\u00a0: moins de 5 répondants');
      expect(el.shadowRoot!.activeElement === part(el, 'group-select')).to.be.true;
      await waitUntil(() => text(el, 'status').includes('Finances'), 'the change is announced');
    });

    it('says a withheld group is withheld, in words', async () => {
      const el = await view(PUBLISHED);
      await choose(el, 'view-select', 'direction');
      await choose(el, 'group-select', 'enfance');
      expect(text(el, 'scope')).to.equal('Éducation et enfance\u00a0: masqué');
      expect(parts(el, 'table').length).to.equal(0);
      expect(text(el, 'withheld')).to.equal(
        'Masqué\u00a0: moins de 5 répondants dans ce groupe, ou dans un groupe que ses résultats permettraient de déduire, pour protéger l’anonymat.',
      );
      await waitUntil(() => text(el, 'status').includes('masqué'), 'the change is announced');
      await expect(el).to.be.accessible();
    });

    it('names yes/no groups Oui and Non, and goes back to all respondents', async () => {
      const el = await view(PUBLISHED);
      await choose(el, 'view-select', 'encadrant');
      expect([...(part(el, 'group-select') as HTMLSelectElement).options].map((option) => squash(option.text))).to.deep.equal(['Oui (11 répondants)', 'Non (31 répondants)', 'Sans réponse (masqué)']);
      await choose(el, 'view-select', '');
      expect(part(el, 'group-select') === null).to.be.true;
      expect(text(el, 'scope')).to.equal('Ensemble des répondants\u00a0: 42 agents');
      await waitUntil(() => text(el, 'status').includes('Ensemble'), 'the change is announced');
    });

    it('offers no picker when the survey has no breakdown', async () => {
      const el = await view(WITHOUT_BREAKDOWNS);
      expect(part(el, 'filters') === null).to.be.true;
      expect(parts(el, 'table').length).to.be.greaterThan(0);
    });
  });

  describe('English', () => {
    it('speaks English and writes numbers, shares and dates the English way', async () => {
      const el = await view(PUBLISHED, { lang: 'en' });
      await waitUntil(() => text(el, 'participation').startsWith('42 responses'), 'English is loaded');
      expect(text(el, 'participation')).to.equal('42 responses from 120 invited staff (35%)');
      expect(text(el, 'dates')).to.equal(squash(`Closed on ${closes(PUBLISHED.closesAt, 'en')}.`));
      expect(tableOf(el, 'Encadrez-vous une équipe\u202f?').slice(1)).to.deep.equal(['Answer | Number of answers | Share of answers', 'Yes | 11 | 26%', 'No | 31 | 74%']);
      expect(squash(result(el, 'Avez-vous déjà fait appel à la médiation interne\u202f?')!.textContent)).to.contain('Withheld: fewer than 5 respondents, to protect anonymity.');
      expect(await accessibleNames('combobox')).to.deep.equal(['View by']);
      await choose(el, 'view-select', 'direction');
      expect([...(part(el, 'group-select') as HTMLSelectElement).options].map((option) => squash(option.text)).slice(-1)).to.deep.equal(['No answer (withheld)']);
      await expect(el).to.be.accessible();
    });

    it('tells the English notice before publication', async () => {
      const el = await view(OPEN, { lang: 'en' });
      await waitUntil(() => text(el, 'notice').startsWith('The results'), 'English is loaded');
      expect(text(el, 'notice')).to.contain(`on ${closes(OPEN.closesAt, 'en')}.`);
      await expect(el).to.be.accessible();
    });
  });

  describe('narrow column', () => {
    for (const [name, results, pick] of [
      ['not published', OPEN, false],
      ['published', PUBLISHED, false],
      ['a breakdown', PUBLISHED, true],
    ] as const) {
      it(`fits 320 px without scrolling sideways: ${name}`, async () => {
        await setViewport({ width: 320, height: 640 });
        const el = await view(results);
        if (pick) await choose(el, 'view-select', 'direction');
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        const base = part(el, 'base')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      });
    }
  });
});
