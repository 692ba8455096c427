import type { Catalog } from './fr.js';

export const en: Catalog = {
  'error.rate-limited': 'Too many submissions in a short time. Try again in {seconds} s.',
  'error.retry': 'Try again',
};
