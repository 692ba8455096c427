import { SatisfactionRating } from './satisfaction-rating.js';

export { SatisfactionRating };

SatisfactionRating.define('civic-satisfaction-rating');

declare global {
  interface HTMLElementTagNameMap {
    'civic-satisfaction-rating': SatisfactionRating;
  }
}
