// What the rating's element tests share (its own tests and kiosk mode's): reaching its parts and
// controls, the gestures of a person, and a fixture that starts with no outbox on the device.
import { fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { BackendAdapter, Receipt, Result } from '@civic-pulse/core';
import type { SatisfactionRating } from '../satisfaction-rating/satisfaction-rating.js';

// The rating's outbox is the page's, the other elements': its tests forget it as theirs do.
export { forgetOutboxes } from './outbox.js';

export const part = (el: SatisfactionRating, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const radios = (el: SatisfactionRating) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
export const checkboxes = (el: SatisfactionRating) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
export const comment = (el: SatisfactionRating) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;

// Assertions name parts and controls by string: a failing chai assertion that prints one of these
// elements itself never reaches the runner (its serialisation hangs the test page).
export const hasPart = (el: SatisfactionRating, name: string) => part(el, name) !== null;

/** What has focus inside the element, as `part` name, or `radio 2`, `checkbox waiting-time`, `textarea`. */
export function focused(el: SatisfactionRating): string {
  const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
  if (!active) return 'nothing';
  if (active.type === 'radio' || active.type === 'checkbox') return `${active.type} ${active.value}`;
  return active.getAttribute('part') ?? active.tagName.toLowerCase();
}

export async function choose(el: SatisfactionRating, level: number) {
  radios(el)[level - 1]!.click();
  await el.updateComplete;
}

export async function submit(el: SatisfactionRating) {
  part(el, 'submit')!.click();
  await el.updateComplete;
}

/** Presses send and waits for `type`, listening before the press so that a quick adapter cannot beat it. */
export async function submitAndWait<K extends 'civic-rating-submitted' | 'civic-rating-error'>(el: SatisfactionRating, type: K) {
  const settled = oneEvent(el, type);
  part(el, 'submit')!.click();
  const event = await settled;
  await el.updateComplete;
  return event as GlobalEventHandlersEventMap[K];
}

export function ratingFixture(adapter: BackendAdapter, attributes = '') {
  const el = document.createElement('div');
  el.innerHTML = `<civic-satisfaction-rating service="etat-civil" channel="counter" ${attributes}></civic-satisfaction-rating>`;
  const rating = el.firstElementChild as SatisfactionRating;
  rating.adapter = adapter;
  return fixture<SatisfactionRating>(rating);
}

/**
 * An adapter whose answer the test gives when it wants, to look at the sending state, or at what a
 * kiosk does while a slow server has not answered. The outbox closed at the end of the test aborts
 * it, so that it does not hold the outbox's lock for the next.
 */
export function heldAdapter() {
  let answer: ((result: Result<Receipt>) => void) | undefined;
  const adapter: BackendAdapter = {
    submitRating: (_rating, options) =>
      new Promise((resolve) => {
        answer = resolve;
        options?.signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted', code: 'aborted', message: 'aborted' } }));
      }),
  };
  return {
    adapter,
    /** Resolves once the outbox has sent the rating to this adapter. */
    called: () => waitUntil(() => answer !== undefined, 'the outbox sends the rating', { timeout: 3000 }),
    answer: (result: Result<Receipt>) => answer!(result),
  };
}
