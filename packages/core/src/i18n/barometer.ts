import type { MessageBundle } from './bundle.js';
import { barometerFr } from './barometer.fr.js';

/**
 * The messages of <civic-barometer-badge>: they come with the badge's code, so a page without a
 * badge never downloads them, and an English page fetches its English ones alone.
 */
export const barometerMessages: MessageBundle<keyof typeof barometerFr> = {
  name: 'barometer',
  fr: barometerFr,
  en: () => import('./barometer.en.js').then((module) => module.barometerEn),
};
