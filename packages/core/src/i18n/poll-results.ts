import type { MessageBundle } from './bundle.js';
import { pollResultsFr } from './poll-results.fr.js';

/**
 * The messages of <civic-consultation-poll>'s results, apart from the poll's own: they come with
 * the results' code, which a person who has not answered yet never downloads.
 */
export const pollResultsMessages: MessageBundle<keyof typeof pollResultsFr> = {
  name: 'poll-results',
  fr: pollResultsFr,
  en: () => import('./poll-results.en.js').then((module) => module.pollResultsEn),
};
