import type { ideasFr } from './ideas.fr.js';

export const ideasEn: Record<keyof typeof ideasFr, string> = {};
