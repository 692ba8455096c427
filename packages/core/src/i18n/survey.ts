import type { MessageBundle } from './bundle.js';
import { surveyFr } from './survey.fr.js';

/** The messages of <civic-agent-survey>. */
export const surveyMessages: MessageBundle<keyof typeof surveyFr> = {
  name: 'survey',
  fr: surveyFr,
  en: () => import('./survey.en.js').then((module) => module.surveyEn),
};
