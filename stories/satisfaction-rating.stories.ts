import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { CHANNELS, COMMENT_MAX_LENGTH, REASONS, SCALES, createHttpAdapter, type BackendAdapter, type Channel, type Scale } from '@civic-pulse/core';
import '../packages/widgets/src/satisfaction-rating/civic-satisfaction-rating.js';
import type { RatingMode } from '../packages/widgets/src/satisfaction-rating/satisfaction-rating.js';
import { ENDPOINT, ORG, accepts, connectionFails, neverAnswers, rateLimited } from './support/backend.js';
import { ratingIn } from './support/rating-play.js';

interface RatingArgs {
  service: string;
  channel: Channel;
  scale: Scale;
  mode: RatingMode;
  lang: '' | 'fr' | 'en';
}

const MODES: RatingMode[] = ['inline', 'floating', 'kiosk'];
const COMMENT = 'Deux heures d’attente pour un acte de naissance.';

/** The element as a webmaster writes it; `adapter`, when given, replaces the one it builds from endpoint and org. */
const renderRating = ({ service, channel, scale, mode, lang }: RatingArgs, adapter?: BackendAdapter) => html`
  <civic-satisfaction-rating
    service=${service}
    channel=${channel}
    scale=${scale}
    mode=${mode}
    lang=${ifDefined(lang || undefined)}
    endpoint=${ENDPOINT}
    org=${ORG}
    .adapter=${adapter}
  ></civic-satisfaction-rating>
`;

// The element's own adapter retries a failed connection twice, with backoff, before the element
// says the rating is kept on the device; this one gives up at once, so the story shows it sooner.
const failFast = (args: RatingArgs) => renderRating(args, createHttpAdapter({ endpoint: ENDPOINT, org: ORG, retries: 0 }));

const meta = {
  title: 'Elements/civic-satisfaction-rating',
  component: 'civic-satisfaction-rating',
  render: (args) => renderRating(args),
  args: { service: 'etat-civil', channel: 'web', scale: 'smileys-3', mode: 'inline', lang: '' },
  argTypes: {
    service: { control: 'text', description: 'The id of the service rated, as the organisation declared it (e.g. `etat-civil`).' },
    channel: { control: 'select', options: CHANNELS, description: 'The contact channel the feedback is about.' },
    scale: { control: 'inline-radio', options: SCALES, description: 'The levels offered.', table: { defaultValue: { summary: 'smileys-3' } } },
    mode: {
      control: 'inline-radio',
      options: MODES,
      description: '`inline` in the page, `floating`: a corner button that opens the rating in a dialog, `kiosk`: stored with source `kiosk`.',
      table: { defaultValue: { summary: 'inline' } },
    },
    lang: {
      control: 'inline-radio',
      options: ['', 'fr', 'en'],
      description: '`fr` or `en`; empty follows the page (the toolbar’s language).',
      table: { defaultValue: { summary: '(the page’s lang)' } },
    },
  },
  parameters: {
    msw: { handlers: [accepts()] },
    docs: {
      description: {
        component:
          '"Hot" satisfaction feedback on one service and contact channel: a level, reasons when it is not the best, an optional comment, and a thank-you. ' +
          `Every story talks to a mocked backend at \`${ENDPOINT}\` (org \`${ORG}\`) through the element's real http adapter; the mock checks each rating against the contract as the reference backend does.`,
      },
    },
  },
} satisfies Meta<RatingArgs>;

export default meta;
type Story = StoryObj<RatingArgs>;

export const Smileys3: Story = {
  play: async ({ canvasElement }) => {
    const { shadow, t, level } = await ratingIn(canvasElement);
    await expect(shadow.getByRole('group', { name: t('rating.question') })).toBeTruthy();
    await expect(shadow.getAllByRole('radio')).toHaveLength(3);
    await expect(level(2)).toHaveAttribute('value', '2');
    // Nothing to send before a level is chosen.
    await expect(shadow.queryByRole('button')).toBeNull();
  },
};

export const Smileys5: Story = {
  args: { scale: 'smileys-5' },
  play: async ({ canvasElement }) => {
    const { shadow, level } = await ratingIn(canvasElement);
    await expect(shadow.getAllByRole('radio')).toHaveLength(5);
    await expect(level(3)).toHaveAttribute('value', '3');
  },
};

export const Stars5: Story = {
  args: { scale: 'stars-5' },
  play: async ({ canvasElement }) => {
    const { shadow, level, choose } = await ratingIn(canvasElement);
    await expect(shadow.getAllByRole('radio')).toHaveLength(5);
    await choose(4);
    await expect(level(4)).toBeChecked();
  },
};

export const ReasonsOpen: Story = {
  parameters: { docs: { description: { story: 'A level below the best opens the reasons, all optional.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, choose, tick } = await ratingIn(canvasElement);
    await choose(1);
    const reasons = shadow.getByRole('group', { name: t('rating.reasons.legend') });
    await expect(reasons.querySelectorAll('input[type="checkbox"]')).toHaveLength(REASONS.length);
    await tick('waiting-time');
    await expect(shadow.getByRole('checkbox', { name: t('rating.reason.waiting-time') })).toBeChecked();
  },
};

export const CommentTyped: Story = {
  play: async ({ canvasElement }) => {
    const { shadow, t, choose } = await ratingIn(canvasElement);
    await choose(2);
    const comment = shadow.getByRole('textbox', { name: t('rating.comment.label') });
    await userEvent.type(comment, COMMENT);
    await expect(comment).toHaveValue(COMMENT);
    // The description is the privacy warning, then the count of characters left.
    await expect(comment).toHaveAccessibleDescription(
      `${t('rating.comment.privacy')} ${t('rating.comment.remaining', { count: COMMENT_MAX_LENGTH - COMMENT.length, max: COMMENT_MAX_LENGTH })}`,
    );
  },
};

export const Sending: Story = {
  parameters: {
    msw: { handlers: [neverAnswers()] },
    docs: {
      description: {
        story:
          'The server never answers. After three attempts of 8 s each, about 25 s, the element says the rating is kept on the device; its outbox keeps trying.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, level, choose, send } = await ratingIn(canvasElement);
    await choose(3);
    await send();
    await expect(shadow.getByRole('status')).toHaveTextContent(said('rating.sending'));
    await expect(shadow.getByRole('button', { name: t('rating.sending') })).toHaveAttribute('aria-disabled', 'true');
    // Locked while in flight: what is sent is what the person sees.
    await expect(level(3)).toBeDisabled();
  },
};

export const ThankYou: Story = {
  play: async ({ canvasElement }) => {
    const { el, shadow, said, part, choose, tick, send } = await ratingIn(canvasElement);
    await choose(2);
    await tick('welcome');
    await userEvent.type(shadow.getByRole('textbox'), COMMENT);
    await send();
    // The mock accepts only a rating that passes the contract's schema, with its Idempotency-Key.
    await waitFor(() => expect(shadow.getByRole('status')).toHaveTextContent(said('rating.thanks')));
    await expect(part('thanks')).toHaveTextContent(said('rating.thanks.detail'));
    // The send button is gone: focus goes to the thank-you rather than to the page's top.
    await expect(el.shadowRoot!.activeElement).toBe(part('thanks'));
  },
};

export const NetworkError: Story = {
  render: failFast,
  parameters: {
    msw: { handlers: [connectionFails()] },
    docs: {
      description: {
        story:
          'The connection fails: the rating is already in the device’s outbox (IndexedDB), so the element says it is kept there and will be sent once the connection is back. Nothing to retry by hand.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, choose, tick, send } = await ratingIn(canvasElement);
    await choose(1);
    await tick('opening-hours');
    await send();
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('rating.queued')), { timeout: 5000 });
    await expect(shadow.getByRole('status')).toHaveTextContent(said('rating.queued'));
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
    await expect(part('error')).toBeNull();
  },
};

export const SentWhenConnectionReturns: Story = {
  render: failFast,
  parameters: {
    msw: { handlers: [connectionFails({ once: true }), accepts()] },
    docs: { description: { story: 'The first try fails; the outbox tries again on its own a moment later, and the element thanks.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, said, choose, send } = await ratingIn(canvasElement);
    await choose(1);
    await send();
    await waitFor(() => expect(shadow.getByRole('status')).toHaveTextContent(said('rating.thanks')), { timeout: 8000 });
  },
};

export const RefusedField: Story = {
  args: { service: 'etat-civl' },
  parameters: {
    docs: {
      description: {
        story:
          'The backend refuses a field, here a misspelt `service` attribute: the element names the field and offers no retry, since the same rating would be refused again.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, choose, send } = await ratingIn(canvasElement);
    await choose(3);
    await send();
    await waitFor(() => expect(part('error')).toHaveTextContent(said('error.misconfigured', { details: t('field.service') })));
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
    await expect(shadow.getByRole('button', { name: t('rating.send') })).toBeEnabled();
  },
};

export const RateLimited: Story = {
  parameters: {
    msw: { handlers: [rateLimited(120)] },
    docs: { description: { story: 'The server asks to wait (429, Retry-After: 120): the rating waits in the outbox, which sends it again after 2 minutes.' } },
  },
  play: async ({ canvasElement }) => {
    const { shadow, t, said, part, choose, send } = await ratingIn(canvasElement);
    await choose(3);
    await send();
    await waitFor(() => expect(part('queued')).toHaveTextContent(said('rating.queued.later')), { timeout: 5000 });
    await expect(shadow.queryByRole('button', { name: t('error.retry') })).toBeNull();
  },
};

export const Floating: Story = {
  args: { mode: 'floating' },
  parameters: { docs: { description: { story: 'A button fixed in the corner of the page, like the state’s "Je donne mon avis".' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t } = await ratingIn(canvasElement);
    await expect(shadow.getByRole('button', { name: t('floating.open') })).toHaveAttribute('aria-haspopup', 'dialog');
    // The rating waits, out of reach, in the closed dialog.
    await expect(shadow.queryAllByRole('radio')).toHaveLength(0);
  },
};

export const FloatingDialogOpen: Story = {
  args: { mode: 'floating' },
  play: async ({ canvasElement }) => {
    const { shadow, t } = await ratingIn(canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: t('floating.open') }));
    const dialog = await shadow.findByRole('dialog', { name: t('dialog.title') });
    await expect(dialog.matches(':modal')).toBe(true);
    await expect(shadow.getAllByRole('radio')).toHaveLength(3);
  },
};

export const English: Story = {
  globals: { lang: 'en' },
  parameters: { docs: { description: { story: 'On a page in English the element speaks English.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, choose } = await ratingIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'How satisfied are you with this service?' })).toBeTruthy();
    await choose(1);
    await expect(shadow.getByRole('radio', { name: 'Not satisfied' })).toBeChecked();
    await expect(shadow.getByRole('group', { name: 'What could be improved? (optional)' })).toBeTruthy();
    await expect(shadow.getByRole('button', { name: 'Send my feedback' })).toBeTruthy();
  },
};

export const FrenchOnEnglishPage: Story = {
  args: { lang: 'fr' },
  globals: { lang: 'en' },
  parameters: { docs: { description: { story: 'The element’s own `lang` wins over the page’s.' } } },
  play: async ({ canvasElement }) => {
    const { shadow } = await ratingIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'Êtes-vous satisfait de ce service\u202f?' })).toBeTruthy();
    await expect(shadow.getByRole('radio', { name: 'Moyennement satisfait' })).toBeTruthy();
  },
};
