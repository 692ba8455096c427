// What <civic-agent-survey>'s stories' play functions share: the element's shadow root queried as a
// person finds things, by role and accessible name, with names from the catalog of the language it
// speaks; and the gestures of an agent answering the demo survey (survey-backend.ts).
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { translate, type MessageKey, type Params } from '@civic-pulse/core';
import type { AgentSurvey } from '../../packages/widgets/src/agent-survey/agent-survey.js';
import { SURVEY_SECTIONS } from './survey-backend.js';

/** A question of the demo survey, by id. */
export const question = (id: string) => SURVEY_SECTIONS.flatMap(({ questions }) => questions).find((q) => q.id === id)!;

/** The story's `<civic-agent-survey>` once it shows something other than "loading", with a few gestures. */
export async function surveyIn(canvasElement: HTMLElement, { loaded = true } = {}) {
  const el = canvasElement.querySelector<AgentSurvey>('civic-agent-survey');
  if (!el) throw new Error('The story rendered no <civic-agent-survey>.');
  await el.updateComplete;
  const shadow = within(el.shadowRoot as unknown as HTMLElement);
  const t = (key: MessageKey, params?: Params) => translate(el.language, key, params);
  /** A message as `toHaveTextContent` reads it: that matcher makes no-break spaces plain ones. */
  const said = (key: MessageKey, params?: Params) => t(key, params).replace(/\s+/g, ' ');
  const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  // A failed load is shown after the http adapter's own retries, about a second.
  if (loaded) await waitFor(() => expect(['title', 'error', 'thanks', 'results'].some((name) => part(name))).toBe(true), { timeout: 5000 });

  /** The group of a question, found by its legend, whatever follows its label (`(obligatoire)`). */
  const group = async (id: string) => within(await shadow.findByRole('group', { name: (name) => name.startsWith(question(id).label) }));
  const click = (name: string) => userEvent.click(shadow.getByRole('button', { name }));

  const gestures = {
    start: () => click(t('survey.start')),
    next: () => click(t('survey.next')),
    send: () => click(t('survey.send')),
    /** The first part: a directorate, and whether the agent leads a team. */
    async answerAboutYou(lead = false): Promise<void> {
      await userEvent.click((await group('direction')).getByRole('radio', { name: question('direction').options![1]!.label }));
      await userEvent.click((await group('encadrant')).getByRole('radio', { name: t(lead ? 'survey.yes' : 'survey.no') }));
    },
    /** The quality of working life: 4 of 5, and "rather agree" with every statement of the matrix. */
    async answerQualityOfLife(): Promise<void> {
      await userEvent.click((await group('conditions')).getByRole('radio', { name: '4' }));
      const matrix = await group('affirmations');
      for (const statement of question('affirmations').statements!) {
        const row = within(matrix.getByRole('group', { name: statement.label }));
        await userEvent.click(row.getByRole('radio', { name: question('affirmations').options![2]!.label }));
      }
    },
    /** The service: the first priority moved down one place. */
    async answerService(): Promise<void> {
      const first = question('priorites').options![0]!.label;
      await userEvent.click((await group('priorites')).getByRole('button', { name: t('poll.ranking.down', { option: first }) }));
    },
    /** From the intro, every part answered (not leading a team), and sent. */
    async answerAndSend(): Promise<void> {
      await gestures.start();
      await gestures.answerAboutYou();
      await gestures.next();
      await gestures.answerQualityOfLife();
      await gestures.next();
      await gestures.answerService();
      await gestures.send();
    },
  };

  return { el, shadow, t, said, part, ...gestures };
}

/** The date as the element writes it, in its language. */
export const dateIn = (el: AgentSurvey, iso: string) => new Intl.DateTimeFormat(el.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
