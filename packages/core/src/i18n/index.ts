import type { MessageBundle } from './bundle.js';
import { fr, type BaseMessageKey, type Catalog } from './fr.js';
import type { barometerFr } from './barometer.fr.js';
import type { ideasFr } from './ideas.fr.js';
import type { kioskFr } from './kiosk.fr.js';
import type { pollFr } from './poll.fr.js';
import type { pollQuestionsFr } from './poll-questions.fr.js';
import type { pollResultsFr } from './poll-results.fr.js';
import type { ratingFr } from './rating.fr.js';
import type { surveyResultsFr } from './survey-results.fr.js';
import type { surveyFr } from './survey.fr.js';

export type { Catalog, MessageBundle };
export { ratingMessages } from './rating.js';
export { pollMessages } from './poll.js';
export { pollQuestionsMessages } from './poll-questions.js';
export { pollResultsMessages } from './poll-results.js';
export { ideasMessages } from './ideas.js';
export { surveyResultsMessages } from './survey-results.js';
export { surveyMessages } from './survey.js';
export { barometerMessages } from './barometer.js';
export { kioskMessages } from './kiosk.js';

/** Every message's key, whichever bundle holds it. */
export type MessageKey = BaseMessageKey | keyof typeof ratingFr | keyof typeof pollFr | keyof typeof pollQuestionsFr | keyof typeof pollResultsFr | keyof typeof ideasFr | keyof typeof surveyFr | keyof typeof surveyResultsFr | keyof typeof barometerFr | keyof typeof kioskFr;

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The messages every page carries, whatever its elements. */
export const baseMessages: MessageBundle<BaseMessageKey> = {
  name: 'base',
  fr,
  en: () => import('./en.js').then((module) => module.en),
};

// The messages at hand, per language: filled bundle by bundle, never changed once there. French
// comes with each bundle's code; other languages are fetched by the pages that speak them, so the
// French pages, most of them, do not carry their weight.
const messages: Record<Language, Partial<Record<MessageKey, string>>> = { fr: { ...fr }, en: {} };
const loaded: Record<Language, Set<MessageBundle>> = { fr: new Set([baseMessages]), en: new Set() };

/**
 * Makes the messages of `bundles` (and the base ones) ready in `lang`, each fetched once per page;
 * a bundle that cannot be had is spoken in French by `translate`.
 */
export async function loadLanguage(lang: Language, bundles: readonly MessageBundle[] = []): Promise<void> {
  await Promise.all([baseMessages, ...bundles].map(async (bundle) => {
    if (loaded[lang].has(bundle)) return;
    Object.assign(messages.fr, bundle.fr);
    if (lang !== 'fr') {
      try {
        Object.assign(messages[lang], await bundle[lang]());
      } catch (error) {
        console.warn(`[civic-pulse] the ${lang} messages of ${bundle.name} could not be loaded; speaking French`, error);
        return;
      }
    }
    loaded[lang].add(bundle);
  }));
}

/** `fr-FR`, `en-GB`, `FR` → a language we have; anything else → French, our first language. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'fr';
}

export type Params = Record<string, string | number>;

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled; numbers formatted by `Intl`.
 * In French until `loadLanguage(lang, bundles)` has fetched the bundle that holds `key`; the key
 * itself if no bundle holding it was loaded at all.
 */
export function translate(lang: Language, key: MessageKey, params: Params = {}): string {
  const own = messages[lang][key];
  const number = new Intl.NumberFormat(own === undefined ? 'fr' : lang);
  return (own ?? messages.fr[key] ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? number.format(value) : value;
  });
}

// Own keys only: `in` would also say yes to `toString` or `constructor` from Object's prototype.
/** Whether `key` names a message, for keys built from data such as `field.${path}`. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(messages.fr, key);
