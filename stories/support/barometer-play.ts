// What <civic-barometer-badge>'s stories' play functions share: the element's shadow root queried as
// a person finds things, by role and accessible name, with names from the catalog of the language
// it speaks.
import { expect, waitFor, within } from 'storybook/test';
import { translate, type MessageKey, type Params } from '@civic-pulse/core';
import type { BarometerBadge } from '../../packages/widgets/src/barometer-badge/barometer-badge.js';

/** The story's `<civic-barometer-badge>`, once it shows a barometer or an error unless `loaded` is false. */
export async function badgeIn(canvasElement: HTMLElement, { loaded = true } = {}) {
  const el = canvasElement.querySelector<BarometerBadge>('civic-barometer-badge');
  if (!el) throw new Error('The story rendered no <civic-barometer-badge>.');
  await el.updateComplete;
  const shadow = within(el.shadowRoot as unknown as HTMLElement);
  const t = (key: MessageKey, params?: Params) => translate(el.language, key, params);
  /** A message as `toHaveTextContent` reads it: that matcher makes no-break spaces plain ones. */
  const said = (key: MessageKey, params?: Params) => t(key, params).replace(/\s+/g, ' ');
  const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  // A failed load shows once the http adapter's own retries are spent, about a second.
  if (loaded) await waitFor(() => expect(part('base')?.getAttribute('aria-busy')).toBe('false'), { timeout: 8000 });
  return { el, shadow, t, said, part };
}
