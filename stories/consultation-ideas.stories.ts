import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { newId, type Consultation } from '@civic-pulse/core';
import '../packages/widgets/src/consultation-poll/civic-consultation-ideas.js';
import { rememberParticipant } from '../packages/widgets/src/consultation-poll/participant.js';
import { langArgType, type LangArg } from './support/args.js';
import { ENDPOINT, ORG } from './support/backend.js';
import { CONSULTATIONS, IDEAS, connectionFails, consultationBackend, refusedOn } from './support/consultation-backend.js';
import { forgetOutboxes } from '../packages/widgets/src/test-support/outbox.js';
import { forgetParticipants, ideasIn } from './support/consultation-play.js';

interface IdeasArgs {
  consultation: string;
  lang: LangArg;
}

const backend = consultationBackend();
const [MOST_SUPPORTED] = IDEAS;
const PROPOSED = { title: 'Des bancs à l’ombre des platanes', body: 'Avec des dossiers, pour les personnes âgées qui attendent le bus.' };
const REJECTED = {
  participant: 'habitante-rue-des-halles',
  title: 'Un parking souterrain sous la place',
  reason: 'Le projet ne prévoit pas de travaux en sous-sol : la place est au-dessus d’un réseau d’eau ancien.',
};

const meta = {
  title: 'Elements/civic-consultation-ideas',
  component: 'civic-consultation-ideas',
  // The consultation as <civic-consultation-poll> hands it over; the ideas themselves go through the element's http adapter.
  render: ({ lang }, { loaded }) => html`
    <civic-consultation-ideas .consultation=${loaded.consultation} endpoint=${ENDPOINT} org=${ORG} lang=${ifDefined(lang || undefined)}></civic-consultation-ideas>
  `,
  loaders: [
    async ({ args }): Promise<{ consultation: Consultation }> => {
      // Each story starts as a first visit, on a backend as freshly seeded.
      forgetParticipants();
      await forgetOutboxes();
      const adapter = await backend.reset();
      const found = await adapter.getConsultation((args as IdeasArgs).consultation);
      if (!found.ok) throw new Error(`No consultation "${(args as IdeasArgs).consultation}" in the stories' backend.`);
      return { consultation: found.data };
    },
  ],
  // What the story stored in this browser (a participant, a support) is forgotten when it ends.
  beforeEach: () => forgetParticipants,
  args: { consultation: CONSULTATIONS.open, lang: '' },
  argTypes: {
    consultation: {
      control: 'select',
      options: [CONSULTATIONS.open, CONSULTATIONS.postModeration, CONSULTATIONS.closed, CONSULTATIONS.scheduled],
      description:
        'Which demo consultation of the mocked backend: open with ideas moderated before publication (three published, supported), open with ideas published at once (none yet), closed, not open yet.',
    },
    lang: langArgType,
  },
  parameters: {
    // Named groups: a story replaces `failures`, which msw tries before the backend's routes.
    msw: { handlers: { failures: [], consultations: backend.handlers } },
    docs: {
      description: {
        component:
          'The citizens’ ideas of a consultation, as `<civic-consultation-poll>` renders them when the consultation takes ideas: ' +
          'the published ones with their supports, a form to propose one, and the person’s own ideas awaiting moderation or refused. ' +
          `Every story talks to a mocked backend at \`${ENDPOINT}\` through the element's real http adapter; the mock applies the reference backend's rules with core's memory adapter.`,
      },
    },
  },
} satisfies Meta<IdeasArgs>;

export default meta;
type Story = StoryObj<IdeasArgs>;

export const Published: Story = {
  parameters: { docs: { description: { story: 'The published ideas, most supported first; one waiting for moderation is seen by its author only.' } } },
  play: async ({ canvasElement }) => {
    const { el, said, part } = await ideasIn(canvasElement);
    const ideas = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"] > [part~="idea"]')];
    await expect(ideas.map((idea) => idea.querySelector('[part~="idea-title"]')!.textContent)).toEqual(IDEAS.map(({ title }) => title));
    await expect(ideas[0]!.querySelector('[part~="supports"]')).toHaveTextContent(said('ideas.supports.other', { count: MOST_SUPPORTED.supporters }));
    await expect(ideas.at(-1)!.querySelector('[part~="supports"]')).toHaveTextContent(said('ideas.supports.one', { count: 1 }));
    await expect(part('own')).toBeNull();
  },
};

export const Empty: Story = {
  args: { consultation: CONSULTATIONS.postModeration },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await ideasIn(canvasElement);
    await expect(part('empty')).toHaveTextContent(said('ideas.empty'));
    await expect(shadow.getByRole('button', { name: t('ideas.submit') })).toBeTruthy();
  },
};

export const ProposedUnderPreModeration: Story = {
  parameters: { docs: { description: { story: 'Proposed under pre-moderation: the author is told the idea waits for the team, and sees it apart from the published ones.' } } },
  play: async ({ canvasElement }) => {
    const { said, part, propose } = await ideasIn(canvasElement);
    await propose(PROPOSED.title, PROPOSED.body);
    await waitFor(() => expect(part('confirmation')).toHaveTextContent(said('ideas.sent.pending')));
    const own = within(part('own')!);
    await expect(own.getByRole('heading', { name: PROPOSED.title })).toBeTruthy();
    await expect(own.getByText(said('ideas.status.pending'))).toBeTruthy();
    await expect(part('list')).not.toHaveTextContent(PROPOSED.title);
  },
};

export const ProposedUnderPostModeration: Story = {
  args: { consultation: CONSULTATIONS.postModeration },
  parameters: { docs: { description: { story: 'Under post-moderation the idea is published at once.' } } },
  play: async ({ canvasElement }) => {
    const { said, part, propose } = await ideasIn(canvasElement);
    await propose(PROPOSED.title);
    await waitFor(() => expect(part('confirmation')).toHaveTextContent(said('ideas.sent.published')));
    await expect(within(part('list')!).getByRole('heading', { name: PROPOSED.title })).toBeTruthy();
    await expect(part('own')).toBeNull();
  },
};

export const RejectedWithReason: Story = {
  // This browser proposed an idea earlier, and a moderator refused it since.
  loaders: [
    async () => {
      const id = newId();
      await backend.adapter.submitIdea(CONSULTATIONS.open, { id, participant: REJECTED.participant, title: REJECTED.title, body: '' });
      backend.adapter.moderateIdea(CONSULTATIONS.open, id, { status: 'rejected', reason: REJECTED.reason });
      rememberParticipant(CONSULTATIONS.open, { participant: REJECTED.participant, answered: false });
    },
  ],
  parameters: { docs: { description: { story: 'An idea of this browser’s, refused by the moderators: only its author sees it, with the reason.' } } },
  play: async ({ canvasElement }) => {
    const { said, part } = await ideasIn(canvasElement);
    const own = part('own')!;
    await expect(within(own).getByRole('heading', { name: REJECTED.title })).toBeTruthy();
    await expect(own).toHaveTextContent(said('ideas.status.rejected'));
    await expect(own).toHaveTextContent(said('ideas.rejection-reason', { reason: REJECTED.reason }));
  },
};

export const Supported: Story = {
  parameters: { docs: { description: { story: 'Supported once: the button says so, takes no second press, and the count goes up.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, supportButton } = await ideasIn(canvasElement);
    const { title, supporters } = MOST_SUPPORTED;
    await userEvent.click(supportButton(title));
    const supported = await shadow.findByRole('button', { name: t('ideas.supported.name', { title }) });
    await expect(supported).toHaveAttribute('aria-disabled', 'true');
    await expect(el.shadowRoot!.querySelector('[part~="supports"]')).toHaveTextContent(said('ideas.supports.other', { count: supporters + 1 }));
  },
};

export const SupportedOnAnEarlierVisit: Story = {
  // This browser supported the most supported idea on an earlier visit: the backend says so when the list names the participant.
  loaders: [
    async () => {
      const listed = await backend.adapter.listIdeas(CONSULTATIONS.open);
      const idea = listed.ok ? listed.data.find(({ title }) => title === MOST_SUPPORTED.title) : undefined;
      if (!idea) throw new Error(`No idea "${MOST_SUPPORTED.title}" in the stories' backend.`);
      await backend.adapter.supportIdea(CONSULTATIONS.open, idea.id, 'habitant-du-centre');
      rememberParticipant(CONSULTATIONS.open, { participant: 'habitant-du-centre', answered: false });
    },
  ],
  parameters: { docs: { description: { story: 'Supported on an earlier visit: the backend says which ideas this browser’s participant supports.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t } = await ideasIn(canvasElement);
    const { title } = MOST_SUPPORTED;
    await expect(shadow.getByRole('button', { name: t('ideas.supported.name', { title }) })).toHaveAttribute('aria-disabled', 'true');
    for (const other of IDEAS.slice(1)) {
      await expect(shadow.getByRole('button', { name: t('ideas.support.name', { title: other.title }) })).toHaveAttribute('aria-disabled', 'false');
    }
  },
};

export const SupportKeptOnDevice: Story = {
  parameters: {
    msw: { handlers: { failures: [connectionFails('support-idea')] } },
    docs: {
      description: {
        story:
          'The connection fails while supporting: the support is already in the device’s outbox (IndexedDB), so the button says it waits to be sent and takes no second press, a message under the idea says it is kept on this device and will be sent once the connection is back, and the count waits for the server.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part, supportButton } = await ideasIn(canvasElement);
    const { title, supporters } = MOST_SUPPORTED;
    await userEvent.click(supportButton(title));
    await waitFor(() => expect(part('support-queued')).toHaveTextContent(said('ideas.support.queued')), { timeout: 8000 });
    await expect(part('status')).toHaveTextContent(said('ideas.support.queued'));
    const kept = shadow.getByRole('button', { name: t('ideas.support.kept.name', { title }) });
    await expect(kept).toHaveAttribute('aria-disabled', 'true');
    await expect(kept).toHaveAccessibleDescription(said('ideas.support.queued'));
    await expect(el.shadowRoot!.querySelector('[part~="supports"]')).toHaveTextContent(said('ideas.supports.other', { count: supporters }));
  },
};

export const SupportSentWhenConnectionReturns: Story = {
  ...SupportKeptOnDevice,
  parameters: {
    ...SupportKeptOnDevice.parameters,
    docs: { description: { story: 'The connection comes back: the outbox sends that support, once; the button says the person supports the idea and the count goes up.' } },
  },
  play: async (context) => {
    await SupportKeptOnDevice.play!(context);
    const { el, shadow, t, said, part } = await ideasIn(context.canvasElement);
    const { title, supporters } = MOST_SUPPORTED;
    // The connection is back: the backend's routes now answer before the failing one.
    context.msw.use(...backend.handlers);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('status')).toHaveTextContent(said('ideas.supported.done')), { timeout: 8000 });
    await expect(shadow.getByRole('button', { name: t('ideas.supported.name', { title }) })).toHaveAttribute('aria-disabled', 'true');
    await expect(el.shadowRoot!.querySelector('[part~="supports"]')).toHaveTextContent(said('ideas.supports.other', { count: supporters + 1 }));
    await expect(part('support-queued')).toBeNull();
  },
};

export const SupportReplyLost: Story = {
  parameters: {
    msw: { handlers: { failures: [backend.supportRepliesLost()] } },
    docs: {
      description: {
        story:
          'The server counted the support but its reply was lost: the support waits on the device; when the outbox sends it again, the server answers that this participant already supports the idea, which the element reads as done.',
      },
    },
  },
  play: async (context) => {
    const { shadow, t, said, part, supportButton } = await ideasIn(context.canvasElement);
    const { title } = MOST_SUPPORTED;
    await userEvent.click(supportButton(title));
    await waitFor(() => expect(part('support-queued')).toHaveTextContent(said('ideas.support.queued')), { timeout: 8000 });
    context.msw.use(...backend.handlers);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('status')).toHaveTextContent(said('ideas.already-supported')), { timeout: 8000 });
    await expect(shadow.getByRole('button', { name: t('ideas.supported.name', { title }) })).toHaveAttribute('aria-disabled', 'true');
    await expect(part('idea-error')).toBeNull();
  },
};

export const TitleMissing: Story = {
  parameters: { docs: { description: { story: 'Proposed without a title: the field says what is missing and takes the focus; nothing is sent.' } } },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part, propose } = await ideasIn(canvasElement);
    await propose('');
    const title = shadow.getByRole('textbox', { name: t('ideas.title.label') });
    await waitFor(() => expect(part('field-error')).toHaveTextContent(said('ideas.title.required')));
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(el.shadowRoot!.activeElement).toBe(title);
    await expect(part('confirmation')).toBeNull();
  },
};

export const KeptOnDevice: Story = {
  parameters: {
    msw: { handlers: { failures: [connectionFails('propose-idea')] } },
    docs: {
      description: {
        story:
          'The connection fails while proposing: the idea is already in the device’s outbox (IndexedDB), so the element says it is kept there and will be sent once the connection is back, and frees the form for another.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, said, part, propose } = await ideasIn(canvasElement);
    await propose(PROPOSED.title);
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('ideas.queued')), { timeout: 8000 });
    await expect(part('status')).toHaveTextContent(said('ideas.queued'));
    await expect(el.shadowRoot!.activeElement).toBe(part('queued'));
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
    await expect(shadow.getByRole('textbox', { name: t('ideas.title.label') })).toHaveValue('');
  },
};

export const SentWhenConnectionReturns: Story = {
  ...KeptOnDevice,
  parameters: { ...KeptOnDevice.parameters, docs: { description: { story: 'The connection comes back: the outbox sends that very idea, once; it joins the person’s own ideas with the thank-you.' } } },
  play: async (context) => {
    await KeptOnDevice.play!(context);
    const { said, part } = await ideasIn(context.canvasElement);
    // The connection is back: the backend's routes now answer before the failing one.
    context.msw.use(...backend.handlers);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('confirmation')).toHaveTextContent(said('ideas.sent.pending')), { timeout: 8000 });
    await expect(part('own')).toHaveTextContent(PROPOSED.title);
  },
};

export const TwoKeptOnDevice: Story = {
  ...KeptOnDevice,
  parameters: {
    ...KeptOnDevice.parameters,
    docs: {
      description: {
        story:
          'Two ideas proposed while the connection fails: the message says both wait on the device; once the connection is back, each is thanked by its title as it is sent, and the message goes only when neither waits.',
      },
    },
  },
  play: async (context) => {
    await KeptOnDevice.play!(context);
    const { shadow, t, said, part } = await ideasIn(context.canvasElement);
    const second = 'Une fontaine à boire près du marché';
    // Written as a script would: user-event remembers what it typed in the field the element emptied,
    // would type after it, and cannot clear a field inside a shadow root.
    const title = shadow.getByRole('textbox', { name: t('ideas.title.label') }) as HTMLInputElement;
    title.value = second;
    title.dispatchEvent(new Event('input'));
    await userEvent.click(shadow.getByRole('button', { name: t('ideas.submit') }));
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('ideas.queued.many', { count: 2 })), { timeout: 8000 });
    await expect(part('status')).toHaveTextContent(said('ideas.queued.many', { count: 2 }));
    context.msw.use(...backend.handlers);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('confirmation')).toHaveTextContent(said('ideas.sent.kept', { title: second })), { timeout: 8000 });
    await expect(part('status')).toHaveTextContent(said('ideas.sent.kept', { title: second }));
    await expect(part('queued')).toBeNull();
    await expect(part('own')).toHaveTextContent(PROPOSED.title);
    await expect(part('own')).toHaveTextContent(second);
  },
};

export const RefusedAfterKeptOnDevice: Story = {
  ...KeptOnDevice,
  parameters: {
    ...KeptOnDevice.parameters,
    docs: {
      description: {
        story:
          'The connection comes back, but the server refuses the idea the device kept: its title and description come back into the empty form, with the reason, to mend and propose again.',
      },
    },
  },
  play: async (context) => {
    await KeptOnDevice.play!(context);
    const { shadow, t, said, part } = await ideasIn(context.canvasElement);
    context.msw.use(refusedOn('propose-idea', { kind: 'invalid', code: 'invalid-body', message: 'Invalid.', fields: [{ path: 'title', message: 'Too vague.' }] }));
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(part('error')).toHaveTextContent(said('ideas.error.invalid', { details: t('ideas.field.title') })), { timeout: 8000 });
    await expect(shadow.getByRole('textbox', { name: t('ideas.title.label') })).toHaveValue(PROPOSED.title);
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
  },
};

export const LoadNetworkError: Story = {
  parameters: {
    msw: { handlers: { failures: [connectionFails('ideas')] } },
    docs: { description: { story: 'The ideas could not be loaded: the element offers to load them again; proposing still works.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part } = await ideasIn(canvasElement);
    await expect(part('error')).toHaveTextContent(said('ideas.error.load'));
    await expect(shadow.getByRole('button', { name: t('error.retry') })).toBeTruthy();
  },
};

export const NotOpenYet: Story = {
  args: { consultation: CONSULTATIONS.scheduled },
  parameters: { docs: { description: { story: 'The ideas of a consultation not open yet: no form, no support, and why.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, said, part } = await ideasIn(canvasElement);
    await expect(part('notice')).toHaveTextContent(said('ideas.not-open'));
    await expect(shadow.queryByRole('textbox')).toBeNull();
  },
};

export const Closed: Story = {
  args: { consultation: CONSULTATIONS.closed },
  play: async ({ canvasElement }) => {
    const { shadow, said, part } = await ideasIn(canvasElement);
    await expect(part('notice')).toHaveTextContent(said('ideas.closed'));
    await expect(within(part('list')!).getAllByRole('heading')).toHaveLength(IDEAS.length);
    await expect(shadow.queryByRole('button')).toBeNull();
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const { shadow } = await ideasIn(canvasElement);
    await expect(shadow.getByRole('heading', { name: 'Participants’ ideas' })).toBeTruthy();
    await expect(shadow.getByRole('button', { name: 'Propose my idea' })).toBeTruthy();
    await expect(shadow.getByText(`${MOST_SUPPORTED.supporters} supporters`)).toBeTruthy();
  },
};
