import type { MessageBundle } from './bundle.js';
import { ratingFr } from './rating.fr.js';

/** The messages of <civic-satisfaction-rating>. */
export const ratingMessages: MessageBundle<keyof typeof ratingFr> = {
  name: 'rating',
  fr: ratingFr,
  en: () => import('./rating.en.js').then((module) => module.ratingEn),
};
