import { AgentSurvey } from './agent-survey.js';

export { AgentSurvey };

AgentSurvey.define('civic-agent-survey');

declare global {
  interface HTMLElementTagNameMap {
    'civic-agent-survey': AgentSurvey;
  }
}
