/**
 * The French messages every element shares; each element's own are in its bundle (rating.fr.ts,
 * poll.fr.ts…). French is the reference every other language follows key for key. French
 * typography puts a narrow no-break space (U+202F) before ? ! ; and a no-break one (U+00A0)
 * before :, so that a question mark never wraps alone onto the next line.
 */
export const fr = {
  'error.rate-limited': 'Trop d’envois en peu de temps. Réessayez dans {seconds} s.',
  'error.retry': 'Réessayer',
} as const;

/** The keys of the messages every page carries. */
export type BaseMessageKey = keyof typeof fr;
export type Catalog = Record<BaseMessageKey, string>;
