import { PulseProvider } from './pulse-provider.js';

export { PulseProvider };

PulseProvider.define('civic-pulse-provider');

declare global {
  interface HTMLElementTagNameMap {
    'civic-pulse-provider': PulseProvider;
  }
}
