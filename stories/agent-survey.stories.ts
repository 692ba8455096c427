import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type {} from 'msw-storybook-addon';
import '../packages/widgets/src/agent-survey/civic-agent-survey.js';
import { langArgType, type LangArg } from './support/args.js';
import { ENDPOINT, ORG } from './support/backend.js';
import { forgetOutboxes } from '../packages/widgets/src/test-support/outbox.js';
import { forgetParticipants } from './support/consultation-play.js';
import { SURVEYS, TOKENS, surveyBackend, surveyConnectionFails, surveyNeverAnswers, surveyRateLimited } from './support/survey-backend.js';
import { dateIn, question, surveyIn } from './support/survey-play.js';

interface SurveyArgs {
  survey: string;
  token: string;
  results: boolean;
  lang: LangArg;
  width: string;
}

const backend = surveyBackend();

/** What the device keeps while an agent answers, as the element writes it (draft.ts). */
const keepDraft = (token: string, section: string, answers: Record<string, unknown>, attempted = false) =>
  localStorage.setItem(`civic-pulse:survey:${SURVEYS.open}`, JSON.stringify({ token, answers, section, responseId: crypto.randomUUID(), attempted }));

/** The dates of a demo survey, as the backend holds them now. */
async function datesOf(survey: string, token: string) {
  const result = await backend.adapter.getSurvey(survey, backend.token(token));
  if (!result.ok) throw new Error(`The stories' backend does not open "${survey}".`);
  return result.data;
}

const meta = {
  title: 'Elements/civic-agent-survey',
  component: 'civic-agent-survey',
  render: ({ survey, token, results, lang, width }) => html`
    <div style=${`max-width: ${width}`}>
      <civic-agent-survey
        survey=${survey}
        token=${ifDefined(token || undefined)}
        ?results=${results}
        lang=${ifDefined(lang || undefined)}
        endpoint=${ENDPOINT}
        org=${ORG}
      ></civic-agent-survey>
    </div>
  `,
  loaders: [
    async () => {
      // Each story starts on a device that kept nothing, on a backend as freshly seeded.
      forgetParticipants();
      await forgetOutboxes();
      await backend.reset();
    },
  ],
  // What the story kept on the device (a draft) is forgotten when it ends.
  beforeEach: () => forgetParticipants,
  args: { survey: SURVEYS.open, token: TOKENS.open, results: false, lang: '', width: '40rem' },
  argTypes: {
    survey: {
      control: 'select',
      options: Object.values(SURVEYS),
      description: 'The survey’s id. The mocked backend holds one open, one not open yet and one closed (its results published).',
    },
    token: {
      control: 'select',
      options: ['', ...Object.values(TOKENS)],
      description:
        'The invitation token (or, with `results`, a read token). Empty: the element reads `#token=` from the URL, else asks for it. ' +
        `The backend knows ${TOKENS.open} (open survey), ${TOKENS.used} (already used), ${TOKENS.scheduled}, ${TOKENS.closed}, and the read tokens ${TOKENS.reader} (closed survey) and ${TOKENS.readerOpen}.`,
    },
    results: { control: 'boolean', description: 'The manager’s view: the results, read with a read token.' },
    lang: langArgType,
    width: { control: 'text', description: 'The width of the column around the element (an intranet’s side column is often 320 px).' },
  },
  parameters: {
    // Named groups: a story replaces `failures`, which msw tries before the backend's routes.
    msw: { handlers: { failures: [], surveys: backend.handlers } },
    docs: {
      description: {
        component:
          'An internal survey of the agents: opened with the invitation token from the link’s `#token=` fragment (or typed), answered part by part with a draft kept on the device until sent, and anonymous. ' +
          `Every story talks to a mocked backend at \`${ENDPOINT}\` through the element’s real http adapter; the mock hands each request to core’s memory adapter, which applies the reference backend’s rules.`,
      },
    },
  },
} satisfies Meta<SurveyArgs>;

export default meta;
type Story = StoryObj<SurveyArgs>;

export const TokenNeeded: Story = {
  args: { token: '' },
  parameters: { docs: { description: { story: 'No token in the attribute nor in the URL: a labelled field to type the one from the invitation.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, part } = await surveyIn(canvasElement);
    await expect(part('title')).toHaveTextContent(t('survey.token.title'));
    await expect(shadow.getByRole('textbox', { name: t('survey.token.label') })).toBeTruthy();
    await expect(shadow.getByRole('button', { name: t('survey.token.submit') })).toBeTruthy();
  },
};

export const TokenTyped: Story = {
  args: { token: '' },
  parameters: { docs: { description: { story: 'The agent types the token and opens the survey: focus goes to its title.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, part } = await surveyIn(canvasElement);
    await userEvent.type(shadow.getByRole('textbox', { name: t('survey.token.label') }), `${TOKENS.open}{Enter}`);
    await waitFor(() => expect(part('start')).toBeTruthy());
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(part('title')));
  },
};

export const TokenInFragment: Story = {
  args: { token: '' },
  loaders: [() => history.replaceState(null, '', `${location.pathname}${location.search}#token=${TOKENS.open}`)],
  beforeEach: () => () => history.replaceState(null, '', `${location.pathname}${location.search}`),
  parameters: { docs: { description: { story: 'The invitation link carries the token in its fragment (`#token=…`), which browsers never send in a Referer header nor to the server.' } } },
  play: async ({ canvasElement }) => {
    const { t, part } = await surveyIn(canvasElement);
    await expect(part('start')).toHaveTextContent(t('survey.start'));
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: { failures: [surveyNeverAnswers('survey')] } } },
  play: async ({ canvasElement }) => {
    const { shadow, t } = await surveyIn(canvasElement, { loaded: false });
    await expect(shadow.getByText(t('survey.loading'))).toBeTruthy();
  },
};

export const UnknownToken: Story = {
  args: { token: TOKENS.unknown },
  parameters: { docs: { description: { story: 'A token no invitation gave (a character mistyped): said plainly, and the field offered to type it again.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await surveyIn(canvasElement);
    await expect(part('error')).toHaveTextContent(said('survey.error.unknown-token'));
    await expect(shadow.getByRole('textbox', { name: t('survey.token.label') })).toHaveAttribute('aria-invalid', 'true');
  },
};

export const TokenUsed: Story = {
  args: { token: TOKENS.used },
  parameters: { docs: { description: { story: 'Answers were already sent with this token (from another device, or by someone else): no form.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, said, part } = await surveyIn(canvasElement);
    await expect(part('error')).toHaveTextContent(said('survey.error.token-used'));
    await expect(shadow.queryByRole('button')).toBeNull();
  },
};

export const NotOpenYet: Story = {
  args: { survey: SURVEYS.scheduled, token: TOKENS.scheduled },
  play: async ({ canvasElement }) => {
    const { el, said, part } = await surveyIn(canvasElement);
    const { opensAt, closesAt } = await datesOf(SURVEYS.scheduled, TOKENS.scheduled);
    await expect(part('dates')).toHaveTextContent(said('survey.dates.scheduled', { opens: dateIn(el, opensAt), closes: dateIn(el, closesAt) }));
    await expect(part('start')).toBeNull();
  },
};

export const Closed: Story = {
  args: { survey: SURVEYS.closed, token: TOKENS.closed },
  play: async ({ canvasElement }) => {
    const { el, said, part } = await surveyIn(canvasElement);
    const { closesAt } = await datesOf(SURVEYS.closed, TOKENS.closed);
    await expect(part('dates')).toHaveTextContent(said('survey.dates.closed', { closes: dateIn(el, closesAt) }));
    await expect(part('start')).toBeNull();
  },
};

export const Intro: Story = {
  parameters: { docs: { description: { story: 'Before the first question: the survey’s introduction and, in plain words, what anonymity means here; then Start.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await surveyIn(canvasElement);
    await expect(part('anonymity')).toHaveTextContent(said('survey.anonymity', { count: 5 }));
    await expect(shadow.getByRole('heading', { name: t('survey.anonymity.title') })).toBeTruthy();
    await expect(shadow.getByRole('button', { name: t('survey.start') })).toBeTruthy();
  },
};

export const FirstPart: Story = {
  parameters: { docs: { description: { story: 'Started: the first part, its progress, focus on its title.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, said, part, start } = await surveyIn(canvasElement);
    await start();
    await expect(part('progress')).toHaveTextContent(said('survey.progress', { current: 1, total: 3 }));
    await expect(shadow.getByRole('progressbar', { name: said('survey.progress', { current: 1, total: 3 }) })).toBeTruthy();
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(part('section-title')));
  },
};

export const ConditionalPart: Story = {
  parameters: { docs: { description: { story: 'An agent who leads a team gets a part of their own: the progress counts it as soon as they say so.' } } },
  play: async ({ canvasElement }) => {
    const { said, part, start, next, answerAboutYou } = await surveyIn(canvasElement);
    await start();
    await answerAboutYou(true);
    await expect(part('progress')).toHaveTextContent(said('survey.progress', { current: 1, total: 4 }));
    await next();
    await expect(part('section-title')).toHaveTextContent('Votre rôle d’encadrant');
    await expect(part('status')).toHaveTextContent(said('survey.section.status', { current: 2, total: 4, title: 'Votre rôle d’encadrant' }));
  },
};

export const Matrix: Story = {
  parameters: {
    docs: { description: { story: 'A matrix: one group per statement, the agreement scale as radios in each, so that it reads well on a screen reader and on 320 px alike.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, start, next, answerAboutYou, answerQualityOfLife } = await surveyIn(canvasElement);
    await start();
    await answerAboutYou();
    await next();
    await answerQualityOfLife();
    for (const statement of question('affirmations').statements!) await expect(shadow.getByRole('group', { name: statement.label })).toBeTruthy();
  },
};

export const MissingAnswers: Story = {
  parameters: { docs: { description: { story: 'Next without the required answer: the summary lists it, a link to its question, and takes focus.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, said, part, start, next } = await surveyIn(canvasElement);
    await start();
    await next();
    const summary = await waitFor(() => part('error-summary')!);
    await expect(summary).toHaveTextContent(said('survey.summary.title'));
    await expect(summary).toHaveTextContent(question('encadrant').label.replace(/\s+/g, ' '));
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(summary));
    await expect(shadow.getAllByText(said('survey.error.required')).length).toBeGreaterThan(0);
  },
};

export const DraftResumed: Story = {
  loaders: [() => keepDraft(TOKENS.open, 'qualite-de-vie', { direction: 'population', encadrant: false, conditions: 2 })],
  parameters: { docs: { description: { story: 'The agent answered the first part, then closed the tab: back on the page, the draft kept on the device is taken up at the part they had reached.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, said, part } = await surveyIn(canvasElement);
    await expect(part('resumed')).toHaveTextContent(said('survey.draft.resumed'));
    await expect(part('progress')).toHaveTextContent(said('survey.progress', { current: 2, total: 3 }));
    await expect(shadow.getByRole('radio', { name: '2' })).toBeChecked();
    // A condition met by an answer of the draft: the question on difficult conditions is asked.
    await expect(shadow.getByRole('textbox', { name: (name) => name.startsWith(question('conditions-difficiles').label) })).toBeTruthy();
  },
};

export const DraftErased: Story = {
  loaders: [() => keepDraft(TOKENS.open, 'qualite-de-vie', { direction: 'population', encadrant: false, conditions: 2 })],
  parameters: { docs: { description: { story: 'On a shared computer, the agent stops before sending and erases their answers: nothing is left on the device, and the survey is back at its start.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await surveyIn(canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: t('survey.draft.forget') }));
    await waitFor(() => expect(part('status')).toHaveTextContent(said('survey.draft.forgotten')));
    await expect(shadow.getByRole('button', { name: t('survey.start') })).toBeTruthy();
    await expect(Object.keys(localStorage).filter((key) => key.startsWith('civic-pulse:survey:'))).toEqual([]);
  },
};

export const Sending: Story = {
  parameters: {
    msw: { handlers: { failures: [surveyNeverAnswers('responses')] } },
    docs: { description: { story: 'The server does not answer yet: the button says so and the answers are locked.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, answerAndSend } = await surveyIn(canvasElement);
    await answerAndSend();
    await expect(part('status')).toHaveTextContent(said('survey.sending'));
    await expect(shadow.getByRole('button', { name: t('survey.sending') })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Sent: Story = {
  parameters: { docs: { description: { story: 'Sent: thanks, focus on them, the draft deleted from the device.' } } },
  play: async ({ canvasElement }) => {
    const { el, said, part, answerAndSend } = await surveyIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('survey.thanks')));
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(part('thanks')));
    await expect(localStorage.getItem(`civic-pulse:survey:${SURVEYS.open}`)).toBeNull();
    await expect(backend.adapter.surveyResponses(SURVEYS.open)).toHaveLength(2);
  },
};

export const SentReplyLost: Story = {
  loaders: [({ msw }) => msw.use(backend.replyLost())],
  parameters: {
    docs: { description: { story: 'The answers are recorded but the reply is lost; the adapter’s retry meets the token now used, which after this device’s own attempt means success.' } },
  },
  play: async ({ canvasElement }) => {
    const { said, part, answerAndSend } = await surveyIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('survey.thanks')), { timeout: 5000 });
    await expect(backend.adapter.surveyResponses(SURVEYS.open)).toHaveLength(2);
  },
};

export const SentBeforeReload: Story = {
  args: { token: TOKENS.used },
  loaders: [() => keepDraft(TOKENS.used, 'service-rendu', { encadrant: false }, true)],
  parameters: { docs: { description: { story: 'This device sent the answers, then the page was closed before the reply: on return the token is used, and the draft says by whom.' } } },
  play: async ({ canvasElement }) => {
    const { said, part } = await surveyIn(canvasElement);
    await expect(part('thanks')).toHaveTextContent(said('survey.thanks'));
    await expect(localStorage.getItem(`civic-pulse:survey:${SURVEYS.open}`)).toBeNull();
  },
};

export const KeptOnDevice: Story = {
  parameters: {
    msw: { handlers: { failures: [surveyConnectionFails('responses')] } },
    docs: {
      description: {
        story:
          'The connection fails while sending: the response, with the invitation token, is already in the device’s outbox (IndexedDB), so the element says it is kept there, with the token, until the server has it. Nothing to retry by hand; the draft stays until then.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part, answerAndSend } = await surveyIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('survey.queued')), { timeout: 8000 });
    await expect(part('queued')).toHaveTextContent(said('survey.queued.detail'));
    await expect(part('status')).toHaveTextContent(said('survey.queued'));
    await expect(el.shadowRoot!.activeElement).toBe(part('queued'));
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
    await expect(localStorage.getItem(`civic-pulse:survey:${SURVEYS.open}`)).not.toBeNull();
  },
};

export const SentWhenConnectionReturns: Story = {
  ...KeptOnDevice,
  parameters: { ...KeptOnDevice.parameters, docs: { description: { story: 'The connection comes back: the outbox sends that very response, once; the draft is deleted only now.' } } },
  play: async (context) => {
    await KeptOnDevice.play!(context);
    const { said, part } = await surveyIn(context.canvasElement);
    // The connection is back: the backend's routes now answer before the failing one.
    context.msw.use(...backend.handlers);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('survey.thanks')), { timeout: 8000 });
    await expect(backend.adapter.surveyResponses(SURVEYS.open)).toHaveLength(2);
    await expect(localStorage.getItem(`civic-pulse:survey:${SURVEYS.open}`)).toBeNull();
  },
};

export const RateLimited: Story = {
  parameters: {
    msw: { handlers: { failures: [surveyRateLimited(120)] } },
    docs: { description: { story: 'Too many sends from this network (429, Retry-After 120 s): the response waits in the outbox, which sends it again after 2 minutes.' } },
  },
  play: async ({ canvasElement }) => {
    const { said, part, answerAndSend } = await surveyIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('survey.queued.later')), { timeout: 8000 });
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const { shadow, part, start } = await surveyIn(canvasElement);
    await expect(part('anonymity')).toHaveTextContent('Your answers are anonymous');
    await start();
    await expect(part('progress')).toHaveTextContent('Part 1 of 3');
    await expect(shadow.getByRole('radio', { name: 'Yes' })).toBeTruthy();
  },
};

export const NarrowColumn: Story = {
  args: { width: '320px' },
  parameters: { docs: { description: { story: 'In a 320 px intranet column, at the matrix: everything wraps, nothing scrolls sideways.' } } },
  play: async ({ canvasElement }) => {
    const { part, start, next, answerAboutYou } = await surveyIn(canvasElement);
    await start();
    await answerAboutYou();
    await next();
    await expect(part('base')!.scrollWidth).toBeLessThanOrEqual(320);
  },
};

export const ManagerResults: Story = {
  args: { survey: SURVEYS.closed, token: TOKENS.reader, results: true },
  parameters: { docs: { description: { story: 'The manager’s view: with a read token, the closed survey’s results, as `<civic-survey-results>` shows them.' } } },
  play: async ({ canvasElement }) => {
    const { part } = await surveyIn(canvasElement);
    const view = part('results')!;
    await waitFor(() => expect(view.shadowRoot?.querySelector('[part~="title"]')).toBeTruthy());
  },
};

export const ManagerResultsNotYet: Story = {
  args: { token: TOKENS.readerOpen, results: true },
  parameters: { docs: { description: { story: 'The manager’s view of a survey still open: the participation only, the results waiting for the close.' } } },
  play: async ({ canvasElement }) => {
    const { part } = await surveyIn(canvasElement);
    await waitFor(() => expect(part('results')!.shadowRoot?.querySelector('[part~="title"]')).toBeTruthy());
  },
};
