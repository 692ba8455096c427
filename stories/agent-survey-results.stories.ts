import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { translate, type MessageKey, type Params, type SurveyResults } from '@civic-pulse/core';
import type { CivicSurveyResults } from '../packages/widgets/src/agent-survey/survey-results-element.js';
import { langArgType, type LangArg } from './support/args.js';
import { OPEN, PUBLISHED, QUESTIONS } from './support/survey-results-fixture.js';

// <civic-survey-results> is internal: <civic-agent-survey results> fetches the results with a
// manager's token and hands them over. These stories render it straight from the fixture, so that
// every state can be seen without a backend. The element's module is loaded as that element loads
// it, by a dynamic import: a bare `import '…/survey-results.js'` would be dropped by the bundler,
// since the widgets' package.json declares side effects for the civic-*.ts modules only.

interface ResultsArgs {
  results: SurveyResults;
  lang: LangArg;
  width: string;
}

const question = (id: string) => QUESTIONS.find((q) => q.id === id)!;

/** The story's element once it has rendered, with Testing Library's queries on its shadow root and its messages. */
async function resultsIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector<CivicSurveyResults>('civic-survey-results');
  if (!el) throw new Error('The story rendered no <civic-survey-results>.');
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="title"]')).toBeTruthy());
  const shadow = within(el.shadowRoot as unknown as HTMLElement);
  const t = (key: MessageKey, params?: Params) => translate(el.language, key, params);
  /** A message as `toHaveTextContent` reads it: that matcher makes no-break spaces plain ones. */
  const said = (key: MessageKey, params?: Params) => t(key, params).replace(/\s+/g, ' ');
  const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  /** The results of one question, as a screen reader finds them: the table captioned with its label. */
  const table = (id: string) => shadow.getByRole('table', { name: question(id).label });
  return { el, shadow, t, said, part, table };
}

const meta = {
  title: 'Internal/civic-survey-results',
  component: 'civic-survey-results',
  render: ({ results, lang, width }) => html`
    <div style=${`max-width: ${width}`}>
      <civic-survey-results .results=${results} lang=${ifDefined(lang || undefined)} heading-level="2"></civic-survey-results>
    </div>
  `,
  loaders: [() => import('../packages/widgets/src/agent-survey/survey-results.js')],
  args: { results: PUBLISHED, lang: '', width: '48rem' },
  argTypes: {
    results: { control: false, description: 'The survey’s results, as `getSurveyResults` answers them (a fixture here).' },
    lang: langArgType,
    width: { control: 'text', description: 'The width of the column around the element.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The manager’s view of an agents’ survey, rendered by `<civic-agent-survey results>` once it has fetched the results. ' +
          'These stories show the fixture “Qualité de vie au travail et qualité du service rendu”: 120 agents invited, 42 responses, directorates and “manages a team” as breakdowns, ' +
          'and what the server withholds to protect anonymity (a small question, statement or group, too few comments).',
      },
    },
  },
} satisfies Meta<ResultsArgs>;

export default meta;
type Story = StoryObj<ResultsArgs>;

export const NotPublished: Story = {
  args: { results: OPEN },
  parameters: { docs: { description: { story: 'Open: the participation and when results come, with why they wait for the close. No tally.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, said, part } = await resultsIn(canvasElement);
    const closes = new Intl.DateTimeFormat(el.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(OPEN.closesAt));
    await expect(part('participation')).toHaveTextContent(
      said('survey-results.participation.other', { received: 31, invited: 120, share: new Intl.NumberFormat(el.language, { style: 'percent' }).format(31 / 120) }),
    );
    await expect(part('notice')).toHaveTextContent(said('survey-results.later', { date: closes }));
    await expect(part('notice')).toHaveTextContent(said('survey-results.later.why'));
    await expect(shadow.queryAllByRole('table')).toHaveLength(0);
  },
};

export const Published: Story = {
  parameters: { docs: { description: { story: 'Closed and published: each section and question, bars for the eye and a captioned table for screen readers; the ranking in Borda points.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, table } = await resultsIn(canvasElement);
    await expect(shadow.getByRole('heading', { name: t('survey-results.guide.title') })).toBeTruthy();
    await expect(shadow.getByRole('heading', { name: t('survey-results.scope.all', { count: 42 }) })).toBeTruthy();
    for (const id of ['direction', 'encadrant', 'conditions', 'affirmations', 'ameliorations', 'priorites']) await expect(table(id)).toBeTruthy();
    const rows = within(table('priorites')).getAllByRole('row');
    await expect(rows[1]).toHaveTextContent('Les délais de réponse');
    await expect(within(table('encadrant')).getByRole('rowheader', { name: t('survey-results.yes') })).toBeTruthy();
    await expect(shadow.getByRole('combobox', { name: t('survey-results.view') })).toBeTruthy();
  },
};

export const Withheld: Story = {
  parameters: {
    docs: { description: { story: 'What is withheld is said in words: a question answered by too few, a matrix statement, comments too few to publish. Enough comments are listed.' } },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, table } = await resultsIn(canvasElement);
    const withheld = t('survey-results.withheld', { minimum: 5 });
    const statement = within(table('affirmations')).getByRole('row', { name: /télétravail/ });
    await expect(within(statement).getByRole('cell', { name: withheld })).toBeTruthy();
    // Testing Library's *ByText take no shadow root: the parts that say what is withheld are read instead.
    const said = [...el.shadowRoot!.querySelectorAll('[part~="withheld"]')].map((node) => node.textContent);
    await expect(said).toContain(withheld);
    await expect(said).toContain(t('survey-results.comments.withheld', { minimum: 8 }));
    const comments = shadow.getByRole('list', { name: t('survey-results.comments', { count: 14 }) });
    await expect(within(comments).getAllByRole('listitem')).toHaveLength(14);
  },
};

export const BreakdownWithWithheldGroup: Story = {
  parameters: {
    docs: {
      description: {
        story: 'Viewed by directorate: each group with its respondents, the small ones marked withheld; the choice is announced and the focus stays on the picker. Here “Éducation et enfance” is picked.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part } = await resultsIn(canvasElement);
    const viewBy = shadow.getByRole('combobox', { name: t('survey-results.view') });
    await userEvent.selectOptions(viewBy, 'direction');
    const group = await shadow.findByRole('combobox', { name: t('survey-results.group') });
    await expect(within(group).getByRole('option', { name: t('survey-results.group.option', { group: 'Services techniques', count: 14 }) })).toBeTruthy();
    await expect(within(group).getByRole('option', { name: t('survey-results.group.option-withheld', { group: t('survey-results.group.none') }) })).toBeTruthy();
    await userEvent.selectOptions(group, 'enfance');
    const scope = t('survey-results.scope.group-withheld', { group: 'Éducation et enfance' });
    await expect(shadow.getByRole('heading', { name: scope })).toBeTruthy();
    await expect(part('withheld')).toHaveTextContent(said('survey-results.withheld.group', { minimum: 5 }));
    await waitFor(() => expect(part('status')).toHaveTextContent(said('survey-results.announce', { scope })));
    await expect(el.shadowRoot!.activeElement).toBe(group);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  parameters: { docs: { description: { story: 'In English: messages, numbers and dates; the survey’s own labels stay as written.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, part, table } = await resultsIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('combobox', { name: 'View by' })).toBeTruthy());
    await expect(within(table('encadrant')).getByRole('columnheader', { name: 'Share of answers' })).toBeTruthy();
    await expect(part('participation')).toHaveTextContent('42 responses from 120 invited staff (35%)');
  },
};

export const Narrow: Story = {
  args: { width: '320px' },
  parameters: { docs: { description: { story: 'In a 320 px column, a phone’s: labels above their bars, pickers one above the other, nothing scrolls sideways.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, t } = await resultsIn(canvasElement);
    await userEvent.selectOptions(shadow.getByRole('combobox', { name: t('survey-results.view') }), 'direction');
    await shadow.findByRole('combobox', { name: t('survey-results.group') });
    await expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
    await expect(el.clientWidth).toBeLessThanOrEqual(320);
  },
};
