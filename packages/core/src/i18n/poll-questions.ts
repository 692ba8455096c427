import type { MessageBundle } from './bundle.js';
import { pollQuestionsFr } from './poll-questions.fr.js';

/**
 * The messages of <civic-consultation-poll>'s question controls, apart from the poll's own: they
 * come with the controls' code, which a browser that has already answered never downloads.
 */
export const pollQuestionsMessages: MessageBundle<keyof typeof pollQuestionsFr> = {
  name: 'poll-questions',
  fr: pollQuestionsFr,
  en: () => import('./poll-questions.en.js').then((module) => module.pollQuestionsEn),
};
