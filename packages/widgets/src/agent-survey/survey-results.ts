import { CivicSurveyResults } from './survey-results-element.js';

// The manager's view, as <civic-agent-survey results> fetches it: importing this module registers
// <civic-survey-results>. The class itself, without that side effect, is in survey-results-element.ts.

export { CivicSurveyResults };

CivicSurveyResults.define('civic-survey-results');

declare global {
  interface HTMLElementTagNameMap {
    'civic-survey-results': CivicSurveyResults;
  }
}
