import { fr, type Catalog, type MessageKey } from './fr.js';

export type { Catalog, MessageKey };
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// French is always there; other catalogs are fetched by the pages that speak them, so the
// French pages, most of them, do not carry their weight. Filled once per language, never changed.
const catalogs: Partial<Record<Language, Catalog>> = { fr };
const LOADERS: Record<Exclude<Language, 'fr'>, () => Promise<Catalog>> = {
  en: () => import('./en.js').then((module) => module.en),
};

/** Fetches the catalog of `lang` once; if it cannot be had, `translate` goes on in French. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (catalogs[lang]) return;
  try {
    catalogs[lang] = await LOADERS[lang as Exclude<Language, 'fr'>]();
  } catch (error) {
    console.warn(`[civic-pulse] the ${lang} catalog could not be loaded; speaking French`, error);
  }
}

/** `fr-FR`, `en-GB`, `FR` → a language we have; anything else → French, our first language. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'fr';
}

export type Params = Record<string, string | number>;

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled; numbers formatted by `Intl`.
 * In French until `loadLanguage(lang)` has fetched the catalog of `lang`.
 */
export function translate(lang: Language, key: MessageKey, params: Params = {}): string {
  const catalog = catalogs[lang];
  const number = new Intl.NumberFormat(catalog ? lang : 'fr');
  return (catalog ?? fr)[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? number.format(value) : value;
  });
}

// Own keys only: `in` would also say yes to `toString` or `constructor` from Object's prototype.
/** Whether `key` names a message, for keys built from data such as `field.${path}`. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);
