import { ConsultationPoll } from './consultation-poll.js';
// The poll renders <civic-consultation-ideas> when a consultation takes ideas.
import './civic-consultation-ideas.js';

export { ConsultationPoll };

ConsultationPoll.define('civic-consultation-poll');

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-poll': ConsultationPoll;
  }
}
