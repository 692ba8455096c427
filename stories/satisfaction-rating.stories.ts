import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { CHANNELS, COMMENT_MAX_LENGTH, REASONS, SCALES, createHttpAdapter, type BackendAdapter, type Channel, type Scale } from '@civic-pulse/core';
import '../packages/widgets/src/satisfaction-rating/civic-satisfaction-rating.js';
import type { RatingMode } from '../packages/widgets/src/satisfaction-rating/satisfaction-rating.js';
import { ENDPOINT, ORG, accepts, connectionFails, neverAnswers, rateLimited } from './support/backend.js';
import { kioskIn, withoutIndexedDb } from './support/kiosk-play.js';
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

/** Kiosk mode's own attributes, read by its chunk; durations in seconds. */
interface KioskAttributes {
  'reset-delay'?: number;
  'min-interval'?: number;
  'idle-timeout'?: number;
  'phone-url'?: string;
}

/**
 * A kiosk at the town hall's front desk, as examples/kiosk sets it up, with `attributes` for the
 * story (short delays, so that its play function sees the state without waiting a minute).
 */
const renderKiosk =
  (attributes: KioskAttributes = {}, adapter?: BackendAdapter) =>
  ({ service, channel, scale, lang }: RatingArgs) => html`
    <civic-satisfaction-rating
      mode="kiosk"
      kiosk-id="hall-mairie"
      service=${service}
      service-name="État civil"
      channel=${channel}
      scale=${scale}
      lang=${ifDefined(lang || undefined)}
      endpoint=${ENDPOINT}
      org=${ORG}
      reset-delay=${ifDefined(attributes['reset-delay'])}
      min-interval=${ifDefined(attributes['min-interval'])}
      idle-timeout=${ifDefined(attributes['idle-timeout'])}
      phone-url=${ifDefined(attributes['phone-url'])}
      .adapter=${adapter}
    ></civic-satisfaction-rating>
  `;

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
      description:
        '`inline` in the page, `floating`: a corner button that opens the rating in a dialog, `kiosk`: full screen for a kiosk, stored with source `kiosk` (see the Kiosk stories).',
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

export const Kiosk: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk(),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        story:
          'Full screen, for a kiosk in the town hall’s lobby: the service and channel on top, large levels, the QR code of the phone page (drawn on the device) with its address written out, and the staff’s status at the foot.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, part, statusLine } = await kioskIn(canvasElement);
    await expect(part('kiosk-context')).toHaveTextContent(`État civil ${t('barometer.channel.counter')}`);
    for (const option of el.shadowRoot!.querySelectorAll('[part="option"]')) {
      await expect(option.getBoundingClientRect().height).toBeGreaterThanOrEqual(64);
    }
    await expect(shadow.getByRole('img', { name: t('kiosk.phone.qr') })).toBeTruthy();
    await expect(part('kiosk-url')).toHaveTextContent(new URL('phone.html?service=etat-civil&channel=counter&scale=smileys-3', document.baseURI).href);
    await waitFor(() => expect(statusLine()).toContain(t('kiosk.status.online')));
    await expect(statusLine()).toContain(t('kiosk.status.kiosk', { id: 'hall-mairie' }));
    await expect(statusLine()).toContain(t('kiosk.status.never-synced'));
  },
};

export const KioskThankYouThenReset: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk({ 'reset-delay': 1.5, 'min-interval': 0 }),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        story:
          'Stored: the thank-you ("enregistré", once the rating is on the device, without waiting for the server), and the last sync in the staff’s status; after `reset-delay` (here 1.5 s, 6 s by default) the kiosk is empty for the next person.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { shadow, said, t, part, choose, send, level, statusLine } = await kioskIn(canvasElement);
    await choose(1);
    await send();
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('kiosk.thanks')));
    await expect(shadow.getByRole('button', { name: t('rating.again') })).toBeTruthy();
    await waitFor(() => expect(statusLine()).toMatch(/\d{1,2}:\d{2}:\d{2}/));
    await waitFor(() => expect(part('thanks')).toBeNull(), { timeout: 4000 });
    await expect(level(1)).not.toBeChecked();
    await expect(level(1)).toBeEnabled();
  },
};

export const KioskMinimumInterval: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk({ 'reset-delay': 0.2, 'min-interval': 30 }),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        story:
          'Against repeated presses: within `min-interval` of the last rating (3 s by default, 30 s here to hold the state), the levels stay disabled and say why.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { said, part, choose, send, level } = await kioskIn(canvasElement);
    await choose(3);
    await send();
    await waitFor(() => expect(part('kiosk-wait')).toHaveTextContent(said('kiosk.wait')), { timeout: 4000 });
    await expect(level(1)).toBeDisabled();
    await expect(part('kiosk-wait')).toHaveAttribute('role', 'status');
  },
};

export const KioskIdleWarning: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk({ 'idle-timeout': 1 }),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        story:
          'A started rating left untouched for `idle-timeout` (60 s by default, 1 s here): a modal warning, Continue focused, gives at least 20 s (30 s by default) before the rating is cleared; the time left is announced every 10 s.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { el, shadow, t, choose, warning } = await kioskIn(canvasElement);
    await choose(2);
    await waitFor(() => expect(warning().open).toBe(true), { timeout: 4000 });
    await expect(shadow.getByRole('dialog', { name: t('kiosk.warning.title') })).toBeTruthy();
    await expect(el.shadowRoot!.activeElement).toHaveTextContent(t('kiosk.warning.continue'));
    await expect(warning().querySelector('[role="status"]')!.textContent).toMatch(/30/);
  },
};

export const KioskContinued: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk({ 'idle-timeout': 1 }),
  parameters: { layout: 'fullscreen', docs: { description: { story: 'Continue (or any touch or key) closes the warning; what was chosen and written stays.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, t, choose, level, warning } = await kioskIn(canvasElement);
    await choose(2);
    await userEvent.type(shadow.getByRole('textbox', { name: t('rating.comment.label') }), COMMENT);
    await waitFor(() => expect(warning().open).toBe(true), { timeout: 4000 });
    await userEvent.click(shadow.getByRole('button', { name: t('kiosk.warning.continue') }));
    await expect(warning().open).toBe(false);
    await expect(level(2)).toBeChecked();
    await expect(shadow.getByRole('textbox', { name: t('rating.comment.label') })).toHaveValue(COMMENT);
  },
};

export const KioskQueued: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: (args) => renderKiosk({ 'reset-delay': 600 }, createHttpAdapter({ endpoint: ENDPOINT, org: ORG, retries: 0 }))(args),
  parameters: {
    layout: 'fullscreen',
    msw: { handlers: [connectionFails()] },
    docs: {
      description: {
        story:
          'The connection fails: the person is thanked all the same, the rating being stored on the device, and the staff’s status counts it among the submissions waiting.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const { said, t, part, choose, send, statusLine } = await kioskIn(canvasElement);
    await choose(1);
    await send();
    await waitFor(() => expect(part('thanks')).toHaveTextContent(said('kiosk.thanks')), { timeout: 5000 });
    await waitFor(() => expect(statusLine()).toContain(t('kiosk.status.queued', { count: 1 }).replace(/\s+/g, ' ')));
  },
};

export const KioskOffline: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk(),
  parameters: { layout: 'fullscreen', docs: { description: { story: 'The device goes offline: the staff’s status says so, in words and not only by its colour.' } } },
  play: async ({ canvasElement }) => {
    const { t, statusLine } = await kioskIn(canvasElement);
    await waitFor(() => expect(statusLine()).toContain(t('kiosk.status.online')));
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await waitFor(() => expect(statusLine()).toContain(t('kiosk.status.offline')));
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  },
};

export const KioskMemoryOnly: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk({ 'reset-delay': 600 }),
  parameters: {
    layout: 'fullscreen',
    docs: { description: { story: 'Where IndexedDB cannot be opened, the outbox keeps ratings in memory: the staff’s status warns that a reload would lose those waiting.' } },
  },
  play: async ({ canvasElement }) => {
    const { said, t, part, choose, send, statusLine } = await kioskIn(canvasElement);
    await withoutIndexedDb(async () => {
      await choose(3);
      await send();
      await waitFor(() => expect(part('thanks')).toHaveTextContent(said('kiosk.thanks')));
    });
    await waitFor(() => expect(statusLine()).toContain(t('kiosk.status.memory').replace(/\s+/g, ' ')));
  },
};

export const KioskEnglish: Story = {
  args: { mode: 'kiosk', channel: 'counter' },
  render: renderKiosk(),
  globals: { lang: 'en' },
  parameters: { layout: 'fullscreen', docs: { description: { story: 'On a page in English the kiosk speaks English.' } } },
  play: async ({ canvasElement }) => {
    const { shadow, part, statusLine } = await kioskIn(canvasElement);
    await expect(part('kiosk-context')).toHaveTextContent('État civil Front desk');
    await expect(shadow.getByRole('img', { name: 'QR code that opens this same feedback on your phone' })).toBeTruthy();
    await waitFor(() => expect(statusLine()).toContain('Online'));
    await expect(statusLine()).toContain('Kiosk hall-mairie');
  },
};
