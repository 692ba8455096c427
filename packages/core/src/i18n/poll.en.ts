import type { pollFr } from './poll.fr.js';

export const pollEn: Record<keyof typeof pollFr, string> = {};
