import { ConsultationPoll } from './consultation-poll.js';

export { ConsultationPoll };

ConsultationPoll.define('civic-consultation-poll');

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-poll': ConsultationPoll;
  }
}
