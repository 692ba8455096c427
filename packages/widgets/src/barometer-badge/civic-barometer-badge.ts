import { BarometerBadge } from './barometer-badge.js';

export { BarometerBadge };

BarometerBadge.define('civic-barometer-badge');

declare global {
  interface HTMLElementTagNameMap {
    'civic-barometer-badge': BarometerBadge;
  }
}
