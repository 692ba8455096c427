import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type {} from 'msw-storybook-addon';
import '../packages/widgets/src/consultation-poll/civic-consultation-poll.js';
import type { PollLayout } from '../packages/widgets/src/consultation-poll/consultation-poll.js';
import { rememberParticipant } from '../packages/widgets/src/consultation-poll/participant.js';
import { langArgType, type LangArg } from './support/args.js';
import { ENDPOINT, ORG } from './support/backend.js';
import { CONSULTATIONS, QUESTIONS, SEEDED_RESPONSES, connectionFails, consultationBackend, definitionChanged, neverAnswers } from './support/consultation-backend.js';
import { forgetOutboxes } from '../packages/widgets/src/test-support/outbox.js';
import { forgetParticipants, ideasIn, pollIn } from './support/consultation-play.js';

interface PollArgs {
  consultation: string;
  layout: PollLayout;
  lang: LangArg;
}

const backend = consultationBackend();
const RANKING = QUESTIONS.find(({ type }) => type === 'ranking')!;
// Questions with a table of results: written answers are counted, never published.
const TALLIED = QUESTIONS.filter(({ type }) => type !== 'text').length;

/** The dates of a demo consultation, as the backend holds them now. */
async function datesOf(id: string): Promise<{ opensAt: string; closesAt: string }> {
  const result = await backend.adapter.getConsultation(id);
  if (!result.ok) throw new Error(`No consultation "${id}" in the stories' backend.`);
  return result.data;
}

const meta = {
  title: 'Elements/civic-consultation-poll',
  component: 'civic-consultation-poll',
  render: ({ consultation, layout, lang }) => html`
    <civic-consultation-poll
      consultation=${consultation}
      layout=${layout}
      lang=${ifDefined(lang || undefined)}
      endpoint=${ENDPOINT}
      org=${ORG}
    ></civic-consultation-poll>
  `,
  loaders: [
    async () => {
      // Each story starts as a first visit, on a backend as freshly seeded.
      forgetParticipants();
      await forgetOutboxes();
      await backend.reset();
    },
  ],
  // What the story stored in this browser (a participant, an answer) is forgotten when it ends.
  beforeEach: () => forgetParticipants,
  args: { consultation: CONSULTATIONS.open, layout: 'steps', lang: '' },
  argTypes: {
    consultation: {
      control: 'select',
      options: Object.values(CONSULTATIONS),
      description:
        'The consultation’s id. The mocked backend holds the place du marché: open (results after the vote), results at the close, results never, ideas post-moderated, closed, not open yet; and one it does not know.',
    },
    layout: {
      control: 'inline-radio',
      options: ['steps', 'form'],
      description: '`steps`: one question at a time; `form`: every question at once.',
      table: { defaultValue: { summary: 'steps' } },
    },
    lang: langArgType,
  },
  parameters: {
    // Named groups: a story replaces `failures`, which msw tries before the backend's routes.
    msw: { handlers: { failures: [], consultations: backend.handlers } },
    docs: {
      description: {
        component:
          'A public consultation: its questions one at a time or as one form, the answers sent once, the results when they are published, and the citizens’ ideas below. ' +
          `Every story talks to a mocked backend at \`${ENDPOINT}\` through the element's real http adapter; the mock hands each request to core's memory adapter, which applies the reference backend's rules, ` +
          `seeded with the demo consultation "Réaménagement de la place du marché", ${SEEDED_RESPONSES} answers and a few ideas.`,
      },
    },
  },
} satisfies Meta<PollArgs>;

export default meta;
type Story = StoryObj<PollArgs>;

export const Loading: Story = {
  parameters: { msw: { handlers: { failures: [neverAnswers('consultation')] } } },
  play: async ({ canvasElement }) => {
    const { shadow, t } = await pollIn(canvasElement, { loaded: false });
    await expect(shadow.getByText(t('poll.loading'))).toBeTruthy();
  },
};

export const StepsFirstQuestion: Story = {
  parameters: { docs: { description: { story: 'The default layout: one question at a time, with its progress.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await pollIn(canvasElement);
    await expect(part('title')).toHaveTextContent('Réaménagement de la place du marché');
    await expect(part('progress')).toHaveTextContent(said('poll.progress.steps', { current: 1, total: QUESTIONS.length }));
    const question = shadow.getByRole('group', { name: `${QUESTIONS[0]!.label} ${t('poll.required')}` });
    await expect(within(question).getAllByRole('radio')).toHaveLength(2);
    await expect(shadow.queryByRole('button', { name: t('poll.previous') })).toBeNull();
    await expect(shadow.getByRole('button', { name: t('poll.next') })).toBeTruthy();
  },
};

export const StepsRankingMoved: Story = {
  parameters: {
    docs: { description: { story: 'At the ranking question, after moving the first item down: the new order is announced and focus stays on the item.' } },
  },
  play: async ({ canvasElement }) => {
    const { el, t, said, part, answer, next } = await pollIn(canvasElement);
    for (const question of QUESTIONS.slice(0, QUESTIONS.indexOf(RANKING))) {
      await answer(question);
      await next();
    }
    await answer(RANKING);
    const [first, second] = RANKING.options!;
    const items = [...el.shadowRoot!.querySelectorAll('[part~="ranking-item"]')];
    await expect(items[0]).toHaveTextContent(second!.label);
    await expect(items[1]).toHaveTextContent(first!.label);
    await expect(part('status')).toHaveTextContent(said('poll.ranking.moved', { option: first!.label, position: 2, total: RANKING.options!.length }));
    await expect(el.shadowRoot!.activeElement).toHaveAccessibleName(t('poll.ranking.down', { option: first!.label }));
    await expect(part('progress')).toHaveTextContent(said('poll.progress.steps', { current: QUESTIONS.indexOf(RANKING) + 1, total: QUESTIONS.length }));
  },
};

export const Form: Story = {
  args: { layout: 'form' },
  parameters: { docs: { description: { story: 'Every question at once, for a short consultation.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part } = await pollIn(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part~="question"]')).toHaveLength(QUESTIONS.length);
    await expect(part('progress')).toHaveTextContent(said('poll.progress.form', { answered: 0, total: QUESTIONS.length }));
    await expect(shadow.getByRole('button', { name: t('poll.send') })).toBeTruthy();
  },
};

export const RequiredAnswersMissing: Story = {
  args: { layout: 'form' },
  parameters: {
    docs: { description: { story: 'Sent with only the first answer: the summary lists each required answer missing, a link to its question, and takes the focus.' } },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part, answer, send } = await pollIn(canvasElement);
    await answer(QUESTIONS[0]!);
    await send();
    const summary = await waitFor(() => part('error-summary')!);
    await expect(summary).toHaveTextContent(said('poll.summary.title'));
    const missing = QUESTIONS.slice(1).filter(({ required }) => required);
    await expect(within(summary).getAllByRole('link')).toHaveLength(missing.length);
    await expect(el.shadowRoot!.activeElement).toBe(summary);
    await expect(shadow.getAllByText(t('poll.error.required')).length).toBeGreaterThan(0);
  },
};

export const Sending: Story = {
  args: { layout: 'form' },
  parameters: {
    msw: { handlers: { failures: [neverAnswers('responses')] } },
    docs: { description: { story: 'The server never answers. After three attempts of 8 s each, about 25 s, the element says the answers are kept on the device; its outbox keeps trying.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await expect(part('status')).toHaveTextContent(said('poll.sending'));
    await expect(shadow.getByRole('button', { name: t('poll.sending') })).toHaveAttribute('aria-disabled', 'true');
    // Locked while in flight: what is sent is what the person sees.
    await expect(shadow.getByRole('radio', { name: t('poll.yes') })).toBeDisabled();
  },
};

export const ThankYouWithResults: Story = {
  parameters: { docs: { description: { story: 'Answered step by step and sent: thanks, then the results, published after the vote, as bars and tables.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, said, part, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('poll.thanks')));
    // The form is gone: focus goes to the thank-you rather than to the page's top.
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(part('thanks')));
    await waitFor(() => expect(part('results')).toHaveTextContent(said('poll.results.responses', { count: SEEDED_RESPONSES + 1 })));
    await expect(shadow.getAllByRole('table')).toHaveLength(TALLIED);
  },
};

export const ResultsAfterClose: Story = {
  args: { consultation: CONSULTATIONS.afterClose },
  parameters: { docs: { description: { story: 'Sent, on a consultation that publishes its results at the close: the element says when.' } } },
  play: async ({ canvasElement }) => {
    const { said, part, date, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('thanks')).toBeTruthy());
    await expect(part('results')).toHaveTextContent(said('poll.results.later', { closes: date((await datesOf(CONSULTATIONS.afterClose)).closesAt) }));
    await expect(part('table')).toBeNull();
  },
};

export const ResultsNever: Story = {
  args: { consultation: CONSULTATIONS.never },
  parameters: { docs: { description: { story: 'Sent, on a consultation whose results are never published.' } } },
  play: async ({ canvasElement }) => {
    const { said, part, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('results')).toHaveTextContent(said('poll.results.never')));
    await expect(part('table')).toBeNull();
  },
};

export const AlreadyAnswered: Story = {
  loaders: [() => rememberParticipant(CONSULTATIONS.open, { participant: 'habitant-3', answered: true })],
  parameters: { docs: { description: { story: 'This browser has answered before, and remembers it: the results, no form.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await pollIn(canvasElement);
    await expect(part('already-answered')).toHaveTextContent(said('poll.already-answered'));
    await expect(shadow.queryByRole('button', { name: t('poll.next') })).toBeNull();
    await waitFor(() => expect(part('results')).toHaveTextContent(said('poll.results.responses', { count: SEEDED_RESPONSES })));
  },
};

export const AlreadyAnsweredOnServer: Story = {
  // The answer was stored, but its reply never reached this browser: it remembers the participant, not the answer.
  loaders: [() => rememberParticipant(CONSULTATIONS.open, { participant: 'habitant-3', answered: false })],
  parameters: { docs: { description: { story: 'The server already has an answer from this participant and refuses a second one (409): the element says so and shows the results.' } } },
  play: async ({ canvasElement }) => {
    const { el, said, part, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('already-answered')).toHaveTextContent(said('poll.already-answered')));
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(part('already-answered')));
    // Still the seed's answers alone: the second one was not counted.
    await waitFor(() => expect(part('results')).toHaveTextContent(said('poll.results.responses', { count: SEEDED_RESPONSES })));
  },
};

export const ClosedWithResults: Story = {
  args: { consultation: CONSULTATIONS.closed },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, date } = await pollIn(canvasElement);
    await expect(part('dates')).toHaveTextContent(said('poll.dates.closed', { closes: date((await datesOf(CONSULTATIONS.closed)).closesAt) }));
    await expect(shadow.queryByRole('button', { name: t('poll.next') })).toBeNull();
    await waitFor(() => expect(part('results')).toHaveTextContent(said('poll.results.responses', { count: SEEDED_RESPONSES })));
    await expect(shadow.getAllByRole('table')).toHaveLength(TALLIED);
  },
};

export const Scheduled: Story = {
  args: { consultation: CONSULTATIONS.scheduled },
  parameters: { docs: { description: { story: 'Not open yet: its dates, no questions, no results.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, said, part, date } = await pollIn(canvasElement);
    const { opensAt, closesAt } = await datesOf(CONSULTATIONS.scheduled);
    await expect(part('dates')).toHaveTextContent(said('poll.dates.scheduled', { opens: date(opensAt), closes: date(closesAt) }));
    await expect(part('question')).toBeNull();
    await expect(part('results')).toBeNull();
    await expect(shadow.queryByRole('button')).toBeNull();
  },
};

export const UnknownConsultation: Story = {
  args: { consultation: CONSULTATIONS.unknown },
  parameters: { docs: { description: { story: 'The backend knows no such consultation (404): a link to one taken down, or a typo in the attribute. Nothing to retry.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await pollIn(canvasElement);
    await expect(part('error')).toHaveTextContent(said('poll.error.not-found'));
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
  },
};

export const LoadNetworkError: Story = {
  parameters: {
    msw: { handlers: { failures: [connectionFails('consultation')] } },
    docs: { description: { story: 'The consultation could not be loaded: the element offers to load it again.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await pollIn(canvasElement);
    await expect(part('error')).toHaveTextContent(said('poll.error.load'));
    await expect(shadow.getByRole('button', { name: t('error.retry') })).toBeTruthy();
  },
};

export const KeptOnDevice: Story = {
  args: { layout: 'form' },
  parameters: {
    msw: { handlers: { failures: [connectionFails('responses')] } },
    docs: {
      description: {
        story:
          'The connection fails while sending: the response is already in the device’s outbox (IndexedDB), so the element says it is kept there and will be sent once the connection is back. Nothing to retry by hand.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('poll.queued')), { timeout: 8000 });
    await expect(part('status')).toHaveTextContent(said('poll.queued'));
    // The form is gone: focus goes to what says where the answers are.
    await expect(el.shadowRoot!.activeElement).toBe(part('queued'));
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
    await expect(part('error')).toBeNull();
  },
};

export const SentWhenConnectionReturns: Story = {
  ...KeptOnDevice,
  parameters: { ...KeptOnDevice.parameters, docs: { description: { story: 'The connection comes back: the outbox sends that very response, once, and the element thanks.' } } },
  play: async (context) => {
    await KeptOnDevice.play!(context);
    const { said, part } = await pollIn(context.canvasElement);
    // The connection is back: the backend's routes now answer before the failing one.
    context.msw.use(...backend.handlers);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('poll.thanks')), { timeout: 8000 });
    await expect(backend.adapter.responses(CONSULTATIONS.open)).toHaveLength(SEEDED_RESPONSES + 1);
  },
};

export const DefinitionChanged: Story = {
  args: { layout: 'form' },
  // A handler of its own for each render: it answers once, and a story shown again must meet it again.
  loaders: [({ msw }) => msw.use(definitionChanged())],
  parameters: {
    docs: { description: { story: 'An admin changed the consultation while the person answered (409 `definition-changed`): the element asks to reload it before sending again.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, answerAndSend } = await pollIn(canvasElement);
    await answerAndSend();
    await waitFor(() => expect(part('error')).toHaveTextContent(said('poll.error.definition-changed')));
    await expect(shadow.getByRole('button', { name: t('poll.reload') })).toBeTruthy();
    await expect(shadow.queryByRole('button', { name: t('poll.send') })).toBeNull();
  },
};

export const ReloadedAfterDefinitionChanged: Story = {
  ...DefinitionChanged,
  parameters: { docs: { description: { story: 'Reloaded: the questions as they are now, the answers kept, and sending works again.' } } },
  play: async (context) => {
    await DefinitionChanged.play!(context);
    const { shadow, t, said, part } = await pollIn(context.canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: t('poll.reload') }));
    await userEvent.click(await shadow.findByRole('button', { name: t('poll.send') }));
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('poll.thanks')));
  },
};

export const WithIdeas: Story = {
  parameters: { docs: { description: { story: 'The consultation takes ideas: below its questions, the published ones and a form to propose one.' } } },
  play: async ({ canvasElement }) => {
    await pollIn(canvasElement);
    const ideas = await ideasIn(canvasElement);
    await expect(ideas.el.shadowRoot!.querySelectorAll('[part~="list"] > [part~="idea"]')).toHaveLength(3);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  parameters: { docs: { description: { story: 'With `lang="en"` the element speaks English; the consultation’s own words stay as the commune wrote them.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, part } = await pollIn(canvasElement);
    await expect(part('progress')).toHaveTextContent('Question 1 of 6');
    await expect(shadow.getByRole('radio', { name: 'Yes' })).toBeTruthy();
    await expect(shadow.getByRole('button', { name: 'Next question' })).toBeTruthy();
  },
};
