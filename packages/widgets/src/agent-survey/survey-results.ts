// The manager's view as <civic-agent-survey results> fetches it, by a dynamic import: loading this
// module registers <civic-survey-results>. The registration is in civic-survey-results.ts, because
// the widgets' package.json declares side effects for the civic-*.ts modules only: a bundler
// (Vite 8's rolldown does) drops a `define()` call anywhere else. The class, without the side
// effect, is in survey-results-element.ts.
export { CivicSurveyResults } from './civic-survey-results.js';
