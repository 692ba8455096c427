import { CivicSurveyResults } from './survey-results-element.js';

export { CivicSurveyResults };

CivicSurveyResults.define('civic-survey-results');

declare global {
  interface HTMLElementTagNameMap {
    'civic-survey-results': CivicSurveyResults;
  }
}
