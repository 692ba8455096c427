// What the rating stories' play functions share: reaching into the element's shadow root the way
// a person does, by role and accessible name. Names come from the catalog of the language the
// element speaks, so every story still passes its checks when the toolbar switches the page to
// English; the language stories check the words themselves.
import { userEvent, within } from 'storybook/test';
import { translate, type MessageKey, type Params, type Reason } from '@civic-pulse/core';
import type { SatisfactionRating } from '../../packages/widgets/src/satisfaction-rating/satisfaction-rating.js';

/** The story's rendered element, with Testing Library's queries inside its shadow root and a few gestures. */
export async function ratingIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector<SatisfactionRating>('civic-satisfaction-rating');
  if (!el) throw new Error('The story rendered no <civic-satisfaction-rating>.');
  await el.updateComplete;
  // Testing Library only calls querySelectorAll on its container, which a shadow root has.
  const shadow = within(el.shadowRoot as unknown as HTMLElement);
  const t = (key: MessageKey, params?: Params) => translate(el.language, key, params);
  const level = (score: number) => shadow.getByRole('radio', { name: t(`rating.level.${el.scale}.${score}` as MessageKey) });

  return {
    el,
    shadow,
    t,
    /** A message as `toHaveTextContent` reads it: that matcher makes no-break spaces (French typography) plain ones. */
    said: (key: MessageKey, params?: Params) => t(key, params).replace(/\s+/g, ' '),
    level,
    /** A part of the element, as its styling API names it. */
    part: (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`),
    choose: (score: number) => userEvent.click(level(score)),
    tick: (reason: Reason) => userEvent.click(shadow.getByRole('checkbox', { name: t(`rating.reason.${reason}`) })),
    send: () => userEvent.click(shadow.getByRole('button', { name: t('rating.send') })),
  };
}
