// What the poll and ideas stories' play functions share: reaching into the elements' shadow roots
// the way a person does, by role and accessible name, with names from the catalog of the language
// the element speaks, and answering the place du marché's questions.
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { translate, type MessageKey, type Params, type Question } from '@civic-pulse/core';
import type { ConsultationPoll } from '../../packages/widgets/src/consultation-poll/consultation-poll.js';
import type { CivicConsultationIdeas } from '../../packages/widgets/src/consultation-poll/consultation-ideas.js';
import { QUESTIONS } from './consultation-backend.js';

// Every record the elements keep in this browser starts so (participant.ts): stories clear them
// all, so that no story inherits a participant or an answer from the one before.
const STORAGE_PREFIX = 'civic-pulse:';

/** Forgets what the elements remembered in this browser; also the cleanup a `beforeEach` returns. */
export function forgetParticipants(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
}

/** A name matcher for a question's control: its label, whatever follows (`(obligatoire)`). */
const startingWith = (label: string) => (name: string) => name.startsWith(label);

/** Testing Library's queries, the messages and the parts of one element's shadow root. */
function queriesOf(el: ConsultationPoll | CivicConsultationIdeas) {
  // Testing Library only calls querySelectorAll on its container, which a shadow root has.
  const shadow = within(el.shadowRoot as unknown as HTMLElement);
  const t = (key: MessageKey, params?: Params) => translate(el.language, key, params);
  /** A part of the element, as its styling API names it. */
  const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  /** A message as `toHaveTextContent` reads it: that matcher makes no-break spaces (French typography) plain ones. */
  const said = (key: MessageKey, params?: Params) => t(key, params).replace(/\s+/g, ' ');
  return { shadow, t, said, part };
}

/** The story's `<civic-consultation-poll>`, once it has loaded its consultation or failed to, with a few gestures. */
export async function pollIn(canvasElement: HTMLElement, { loaded = true } = {}) {
  const el = canvasElement.querySelector<ConsultationPoll>('civic-consultation-poll');
  if (!el) throw new Error('The story rendered no <civic-consultation-poll>.');
  await el.updateComplete;
  const { shadow, t, said, part } = queriesOf(el);
  if (loaded) await waitFor(() => expect(part('title') ?? part('error')).toBeTruthy(), { timeout: 5000 });

  /** Answers `question` as a citizen would, whatever its type; in steps, it must be the one shown. */
  async function answer(question: Question): Promise<void> {
    const options = question.options ?? [];
    if (question.type === 'text') {
      await userEvent.type(await shadow.findByRole('textbox', { name: startingWith(question.label) }), 'Pensez aux livraisons des commerçants.');
      return;
    }
    const group = within(await shadow.findByRole('group', { name: startingWith(question.label) }));
    switch (question.type) {
      case 'yesno':
        return userEvent.click(group.getByRole('radio', { name: t('poll.yes') }));
      case 'single':
        return userEvent.click(group.getByRole('radio', { name: options[0]!.label }));
      case 'multiple':
        await userEvent.click(group.getByRole('checkbox', { name: options[0]!.label }));
        return userEvent.click(group.getByRole('checkbox', { name: options[1]!.label }));
      case 'ranking':
        return userEvent.click(group.getByRole('button', { name: t('poll.ranking.down', { option: options[0]!.label }) }));
      case 'scale':
        return userEvent.click(group.getByRole('radio', { name: String((question.max ?? 5) - 1) }));
    }
  }

  const next = () => userEvent.click(shadow.getByRole('button', { name: t('poll.next') }));
  const send = () => userEvent.click(shadow.getByRole('button', { name: t('poll.send') }));

  return {
    el,
    shadow,
    t,
    said,
    part,
    answer,
    next,
    send,
    /** Answers every question of the place du marché, going from one to the next in steps, and sends. */
    async answerAndSend(): Promise<void> {
      for (const [index, question] of QUESTIONS.entries()) {
        await answer(question);
        if (el.layout === 'steps' && index < QUESTIONS.length - 1) await next();
      }
      await send();
    },
    /** The date as the element writes it, in its language. */
    date: (iso: string) => new Intl.DateTimeFormat(el.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
  };
}

/**
 * The story's `<civic-consultation-ideas>`, standalone or inside a poll's shadow root, once its
 * list has loaded or failed to.
 */
export async function ideasIn(canvasElement: HTMLElement) {
  const poll = canvasElement.querySelector('civic-consultation-poll');
  const root = poll ? poll.shadowRoot! : canvasElement;
  const el = await waitFor(() => {
    const found = root.querySelector<CivicConsultationIdeas>('civic-consultation-ideas');
    if (!found?.shadowRoot?.querySelector('[part~="list"], [part~="empty"], [part~="error"]')) throw new Error('The ideas have not loaded yet.');
    return found;
    // A failed load is shown after the http adapter's own retries, about a second.
  }, { timeout: 5000 });
  const { shadow, t, said, part } = queriesOf(el);
  return {
    el,
    shadow,
    t,
    said,
    part,
    /** Writes an idea's title (and text) and proposes it. */
    async propose(title: string, body = ''): Promise<void> {
      if (title) await userEvent.type(shadow.getByRole('textbox', { name: t('ideas.title.label') }), title);
      if (body) await userEvent.type(shadow.getByRole('textbox', { name: t('ideas.body.label') }), body);
      await userEvent.click(shadow.getByRole('button', { name: t('ideas.submit') }));
    },
    supportButton: (title: string) => shadow.getByRole('button', { name: t('ideas.support.name', { title }) }),
  };
}
