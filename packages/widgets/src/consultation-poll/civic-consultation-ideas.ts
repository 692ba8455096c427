import { CivicConsultationIdeas } from './consultation-ideas.js';

export { CivicConsultationIdeas };

CivicConsultationIdeas.define('civic-consultation-ideas');

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-ideas': CivicConsultationIdeas;
  }
}
