import { en } from './en.js';
import { fr, type Catalog, type MessageKey } from './fr.js';

export type { Catalog, MessageKey };
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGS: Record<Language, Catalog> = { fr, en };

/** `fr-FR`, `en-GB`, `FR` → a language we have; anything else → French, our first language. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'fr';
}

export type Params = Record<string, string | number>;

/** The message for `key` in `lang`, with `{name}` placeholders filled; numbers formatted by `Intl`. */
export function translate(lang: Language, key: MessageKey, params: Params = {}): string {
  const number = new Intl.NumberFormat(lang);
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? number.format(value) : value;
  });
}

// Own keys only: `in` would also say yes to `toString` or `constructor` from Object's prototype.
/** Whether `key` names a message, for keys built from data such as `field.${path}`. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);
