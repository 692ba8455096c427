import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { consultationStatus, createMemoryAdapter, type Consultation, type IdeaModeration, type MemoryAdapter } from '@civic-pulse/core';
import '../packages/widgets/src/consultation-poll/civic-consultation-ideas.js';

interface IdeasArgs {
  moderation: IdeaModeration;
  status: Consultation['status'];
  ideas: number;
  lang: '' | 'fr' | 'en';
}

const DAY = 86_400_000;
const ID = 'place-du-marche';
const STORAGE_KEY = `civic-pulse:consultation:${ID}`;

const IDEAS = [
  { title: 'Plus d’arbres', body: 'Des platanes le long de la rue des Halles, et des bancs à leur ombre.', supporters: 12 },
  { title: 'Un marché couvert', body: 'Une halle légère pour les marchés du mercredi et du samedi.', supporters: 5 },
  { title: 'Des toilettes publiques', body: '', supporters: 1 },
];

/** A consultation open or not by its dates, as an admin would define it, and the memory adapter that holds it with its ideas. */
async function backend({ moderation, status, ideas }: IdeasArgs): Promise<{ adapter: MemoryAdapter; consultation: Consultation }> {
  const now = Date.now();
  const dates =
    status === 'scheduled'
      ? { opensAt: new Date(now + DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() }
      : status === 'closed'
        ? { opensAt: new Date(now - 30 * DAY).toISOString(), closesAt: new Date(now + 1000).toISOString() }
        : { opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() };
  const definition = {
    id: ID,
    org: 'ville-exemple',
    title: 'Réaménagement de la place du marché',
    description: 'Donnez votre avis sur le projet.',
    ...dates,
    resultsVisibility: 'after-vote' as const,
    questions: [{ id: 'arbres', type: 'yesno' as const, label: 'Faut-il plus d’arbres ?', required: true }],
    ideas: { enabled: true, moderation },
  };
  // Ideas are posted while the consultation is open; a closed one is then closed by the clock.
  let clock = now;
  const adapter = createMemoryAdapter({ consultations: [{ ...definition, opensAt: new Date(now - 30 * DAY).toISOString() }], now: () => new Date(clock) });
  for (const [index, { title, body, supporters }] of IDEAS.slice(0, ideas).entries()) {
    const id = crypto.randomUUID();
    await adapter.submitIdea(ID, { id, participant: `auteur-${index}`, title, body });
    adapter.moderateIdea(ID, id, { status: 'published' });
    for (let i = 0; i < supporters; i++) await adapter.supportIdea(ID, id, `soutien-${index}-${i}`);
  }
  if (status === 'closed') clock = now + 2000;
  adapter.addConsultation(definition);
  return { adapter, consultation: { ...definition, status: consultationStatus(definition, new Date(clock)) } };
}

const meta = {
  title: 'Elements/civic-consultation-ideas',
  component: 'civic-consultation-ideas',
  render: (args, { loaded }) => html`
    <civic-consultation-ideas .consultation=${loaded.consultation} .adapter=${loaded.adapter} lang=${ifDefined(args.lang || undefined)}></civic-consultation-ideas>
  `,
  loaders: [
    async ({ args }) => {
      // Each story starts as a first visit: no participant remembered from the story before.
      localStorage.removeItem(STORAGE_KEY);
      return backend(args as IdeasArgs);
    },
  ],
  args: { moderation: 'pre', status: 'open', ideas: 3, lang: '' },
  argTypes: {
    moderation: { control: 'inline-radio', options: ['pre', 'post'], description: '`pre`: an idea waits for a moderator; `post`: published at once.' },
    status: { control: 'inline-radio', options: ['scheduled', 'open', 'closed'], description: 'Proposing and supporting only while open.' },
    ideas: { control: { type: 'range', min: 0, max: 3 }, description: 'How many published ideas the backend holds.' },
    lang: { control: 'inline-radio', options: ['', 'fr', 'en'], description: '`fr` or `en`; empty follows the page.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The citizens’ ideas of a consultation, as `<civic-consultation-poll>` renders them when the consultation takes ideas: ' +
          'the published ones with their supports, a form to propose one, and the person’s own ideas awaiting moderation or refused. ' +
          'Every story runs on the memory adapter, with the server’s rules.',
      },
    },
  },
} satisfies Meta<IdeasArgs>;

export default meta;
type Story = StoryObj<IdeasArgs>;

const shadowOf = async (canvasElement: HTMLElement) => {
  const el = canvasElement.querySelector('civic-consultation-ideas')!;
  await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="list"], [part~="empty"]')).toBeTruthy());
  return el.shadowRoot!;
};

export const Published: Story = {};

export const Empty: Story = { args: { ideas: 0 } };

/** Proposing under pre-moderation: the author is told the idea waits, and sees it apart from the published ones. */
export const ProposedUnderPreModeration: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await userEvent.type(shadow.querySelector<HTMLInputElement>('[part~="title-input"]')!, 'Une fontaine');
    await userEvent.click(shadow.querySelector<HTMLButtonElement>('[part~="submit"]')!);
    await waitFor(() => expect(shadow.querySelector('[part~="own-idea"]')).toBeTruthy());
    await expect(shadow.querySelector('[part~="confirmation"]')!.textContent).toContain('après validation');
  },
};

/** Under post-moderation the idea is published at once. */
export const ProposedUnderPostModeration: Story = {
  args: { moderation: 'post' },
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await userEvent.type(shadow.querySelector<HTMLInputElement>('[part~="title-input"]')!, 'Une fontaine');
    await userEvent.click(shadow.querySelector<HTMLButtonElement>('[part~="submit"]')!);
    await waitFor(() => expect(shadow.querySelector('[part~="idea-title"]')!.textContent).toBe('Une fontaine'));
  },
};

/** Supported once: the button says so and takes no second press. */
export const Supported: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await userEvent.click(shadow.querySelector<HTMLButtonElement>('[part~="support"]')!);
    await waitFor(() => expect(shadow.querySelector('[part~="support"]')!.getAttribute('aria-disabled')).toBe('true'));
  },
};

/** The ideas of a consultation not open yet: no form, no support, and why. */
export const NotOpenYet: Story = { args: { status: 'scheduled', ideas: 0 } };

export const Closed: Story = { args: { status: 'closed' } };

export const English: Story = { args: { lang: 'en' } };
