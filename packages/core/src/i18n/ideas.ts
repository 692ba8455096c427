import type { MessageBundle } from './bundle.js';
import { ideasFr } from './ideas.fr.js';

/** The messages of <civic-consultation-ideas>. */
export const ideasMessages: MessageBundle<keyof typeof ideasFr> = {
  name: 'ideas',
  fr: ideasFr,
  en: () => import('./ideas.en.js').then((module) => module.ideasEn),
};
