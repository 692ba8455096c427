import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type {} from 'msw-storybook-addon';
import '../packages/widgets/src/barometer-badge/civic-barometer-badge.js';
import type { BadgeTheme, BadgeVariant } from '../packages/widgets/src/barometer-badge/barometer-badge.js';
import { langArgType, type LangArg } from './support/args.js';
import { ENDPOINT } from './support/backend.js';
import { ORGS, barometerHandlers, barometerNeverAnswers, barometerWhenDown, connection } from './support/barometer-backend.js';
import { badgeIn } from './support/barometer-play.js';

interface BadgeArgs {
  org: string;
  period: string;
  variant: BadgeVariant;
  theme: BadgeTheme;
  lang: LangArg;
  width: string;
}

const meta = {
  title: 'Elements/civic-barometer-badge',
  component: 'civic-barometer-badge',
  render: ({ org, period, variant, theme, lang, width }) => html`
    <div style=${`max-width: ${width}`}>
      <civic-barometer-badge org=${org} period=${period} variant=${variant} theme=${theme} lang=${ifDefined(lang || undefined)} endpoint=${ENDPOINT}>
        <a href="https://www.ville-exemple.example/barometre">Notre baromètre de l’expérience usager</a>
      </civic-barometer-badge>
    </div>
  `,
  // Each story starts with the backend reachable; an Error story cuts it in its own loader.
  loaders: [() => void (connection.up = true)],
  args: { org: ORGS.full, period: 'last-12-months', variant: 'card', theme: 'light', lang: '', width: '40rem' },
  argTypes: {
    org: {
      control: 'select',
      options: Object.values(ORGS),
      description: 'The org: the mocked backend holds one with a full barometer, one with satisfaction only, one with too little data.',
    },
    period: { control: 'text', description: '`last-12-months` (default), a year `2026` or a quarter `2026-Q3`.' },
    variant: { control: 'inline-radio', options: ['compact', 'card', 'detailed'], table: { defaultValue: { summary: 'card' } } },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], table: { defaultValue: { summary: 'light' } } },
    lang: langArgType,
    width: { control: 'text', description: 'The width of the column around the badge (try 320px).' },
  },
  parameters: {
    // Named groups: a story replaces `failures`, which msw tries before the backend's route.
    msw: { handlers: { failures: [barometerWhenDown()], barometer: barometerHandlers } },
    docs: {
      description: {
        component:
          'The citizen-experience barometer: a score out of 100 from mystery-shopping audits and live satisfaction, with what it rests on, its period, its trend and, detailed, each channel. ' +
          `Every story talks to a mocked backend at \`${ENDPOINT}\` through the element's real http adapter; the mock computes each org's barometer with core's memory adapter from two years of made-up ratings and audits. ` +
          'The link inside the element is the fallback for pages without JavaScript: hidden once the badge renders.',
      },
    },
  },
} satisfies Meta<BadgeArgs>;

export default meta;
type Story = StoryObj<BadgeArgs>;

// Plays shared by the variants.

/** A full barometer: a score, and in a card its basis, period, trend and methodology link. */
const playFull = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const { el, shadow, t, said, part } = await badgeIn(canvasElement);
  await expect(part('score')).toBeTruthy();
  await expect(part('score')).toHaveTextContent(/\/100/);
  await expect(part('not-enough')).toBeNull();
  await expect(el.querySelector('a')!.getClientRects()).toHaveLength(0);
  if (el.variant === 'compact') {
    await expect(part('base')).toHaveTextContent(said('barometer.compact'));
    await expect(shadow.queryByRole('heading')).toBeNull();
    return;
  }
  await expect(shadow.getByRole('heading', { name: t('barometer.title') })).toBeTruthy();
  await expect(part('trend')).toHaveTextContent(/\d/);
  await expect(shadow.getByRole('link', { name: t('barometer.methodology') })).toBeTruthy();
  if (el.variant === 'detailed') {
    await expect(shadow.getByRole('heading', { name: t('barometer.breakdown.title') })).toBeTruthy();
    await expect(shadow.getByRole('table')).toHaveTextContent(t('barometer.channel.counter'));
    await expect(part('withheld')).toHaveTextContent(t('barometer.channel.social'));
  }
};

/** The score on satisfaction alone, said as such. */
const playPartial = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const { el, said, part } = await badgeIn(canvasElement);
  await expect(part('score')).toBeTruthy();
  await expect(part('partial')).toHaveTextContent(
    el.variant === 'compact' ? said('barometer.partial.short.satisfaction') : said('barometer.partial.satisfaction', { audits: 5 }),
  );
};

/** No score: the minimums in words, never a number out of 100. */
const playNotEnough = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const { el, said, part } = await badgeIn(canvasElement);
  await expect(part('score')).toBeNull();
  await expect(part('not-enough')).toHaveTextContent(el.variant === 'compact' ? said('barometer.not-enough.short') : said('barometer.not-enough', { ratings: 30, audits: 5 }));
  await expect(part('base')!.textContent).not.toContain('/100');
};

const playLoading = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const { said, part } = await badgeIn(canvasElement, { loaded: false });
  await expect(part('loading')).toHaveTextContent(said('barometer.loading'));
  await expect(part('base')).toHaveAttribute('aria-busy', 'true');
};

/** Offline: the error and its retry button; the connection comes back and the retry loads the barometer. */
const playError = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const { shadow, t, said, part } = await badgeIn(canvasElement);
  await expect(part('error')).toHaveTextContent(said('barometer.error.load'));
  connection.up = true;
  await userEvent.click(shadow.getByRole('button', { name: t('error.retry') }));
  await waitFor(() => expect(part('score')).toBeTruthy(), { timeout: 5000 });
};

const offline = { loaders: [() => void (connection.up = false)] };
const never = { parameters: { msw: { handlers: { failures: [barometerNeverAnswers()] } } } };

export const CompactFull: Story = { args: { variant: 'compact' }, play: playFull };
export const CompactPartial: Story = { args: { variant: 'compact', org: ORGS.partial }, play: playPartial };
export const CompactNotEnoughData: Story = { args: { variant: 'compact', org: ORGS.notEnough }, play: playNotEnough };
export const CompactLoading: Story = { args: { variant: 'compact' }, ...never, play: playLoading };
export const CompactError: Story = { args: { variant: 'compact' }, ...offline, play: playError };

export const CardFull: Story = { play: playFull };
export const CardPartial: Story = { args: { org: ORGS.partial }, play: playPartial };
export const CardNotEnoughData: Story = { args: { org: ORGS.notEnough }, play: playNotEnough };
export const CardLoading: Story = { ...never, play: playLoading };
export const CardError: Story = { ...offline, play: playError };

export const DetailedFull: Story = { args: { variant: 'detailed' }, play: playFull };
export const DetailedPartial: Story = { args: { variant: 'detailed', org: ORGS.partial }, play: playPartial };
export const DetailedNotEnoughData: Story = { args: { variant: 'detailed', org: ORGS.notEnough }, play: playNotEnough };
export const DetailedLoading: Story = { args: { variant: 'detailed' }, ...never, play: playLoading };
export const DetailedError: Story = { args: { variant: 'detailed' }, ...offline, play: playError };

/** The dark theme paints its own dark surface, whatever the page around it. */
const playDark = async (context: { canvasElement: HTMLElement }) => {
  await playFull(context);
  const { part } = await badgeIn(context.canvasElement);
  await expect(getComputedStyle(part('base')!).backgroundColor).toBe('rgb(22, 22, 22)');
};

export const DarkCompact: Story = { args: { variant: 'compact', theme: 'dark' }, play: playDark };
export const DarkCard: Story = { args: { theme: 'dark' }, play: playDark };
export const DarkDetailed: Story = { args: { variant: 'detailed', theme: 'dark' }, play: playDark };

export const EnglishCard: Story = {
  args: { lang: 'en' },
  play: async (context) => {
    await playFull(context);
    const { part } = await badgeIn(context.canvasElement);
    await expect(part('basis')).toHaveTextContent(/^Based on [\d,]+ ratings from users and \d+ mystery-shopping audits, over the last 12 months\.$/);
  },
};

export const DetailedOnAPhone: Story = {
  args: { variant: 'detailed', width: '320px' },
  play: async (context) => {
    await playFull(context);
    const { part } = await badgeIn(context.canvasElement);
    await expect(part('base')!.scrollWidth).toBeLessThanOrEqual(part('base')!.clientWidth);
  },
};
