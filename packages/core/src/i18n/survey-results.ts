import type { MessageBundle } from './bundle.js';
import { surveyResultsFr } from './survey-results.fr.js';

/**
 * The messages of <civic-survey-results>, the manager's view of an agents' survey: they come with
 * that view's code, which an agent answering the survey never downloads.
 */
export const surveyResultsMessages: MessageBundle<keyof typeof surveyResultsFr> = {
  name: 'survey-results',
  fr: surveyResultsFr,
  en: () => import('./survey-results.en.js').then((module) => module.surveyResultsEn),
};
