import type { MessageBundle } from './bundle.js';
import { kioskFr } from './kiosk.fr.js';

/** The messages of <civic-satisfaction-rating mode="kiosk">, beyond the rating's own. */
export const kioskMessages: MessageBundle<keyof typeof kioskFr> = {
  name: 'kiosk',
  fr: kioskFr,
  en: () => import('./kiosk.en.js').then((module) => module.kioskEn),
};
