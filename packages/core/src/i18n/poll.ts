import type { MessageBundle } from './bundle.js';
import { pollFr } from './poll.fr.js';

/** The messages of <civic-consultation-poll>. */
export const pollMessages: MessageBundle<keyof typeof pollFr> = {
  name: 'poll',
  fr: pollFr,
  en: () => import('./poll.en.js').then((module) => module.pollEn),
};
