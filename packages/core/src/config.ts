import type { BackendAdapter } from './adapter.js';
import type { CivicPlugin } from './plugins.js';

/** What a page configures once, from code or from the script tag's `data-*` attributes. */
export interface CivicPulseConfig {
  /** Base URL of the v1 backend, e.g. `https://avis.ville.fr`. */
  endpoint?: string;
  /** The organisation's slug id. */
  org?: string;
  /** `fr` or `en`; by default the element's or the page's `lang`. */
  lang?: string;
  plugins?: CivicPlugin[];
  /** An adapter that replaces the http one for every element without its own. */
  adapter?: BackendAdapter;
}

// Kept on globalThis under a registered symbol so that two copies of the SDK on one page (the CDN
// embed and an npm bundle) share one configuration instead of each silently holding its own.
const SLOT = Symbol.for('civic-pulse.configuration');
type Slot = { [SLOT]?: CivicPulseConfig };

/** Sets the page's defaults; later calls change only the keys they name. */
export function configure(config: CivicPulseConfig): void {
  const slot = globalThis as Slot;
  slot[SLOT] = { ...slot[SLOT], ...config };
}

export function getConfiguration(): Readonly<CivicPulseConfig> {
  return (globalThis as Slot)[SLOT] ?? {};
}

/** Forgets every default, e.g. between two tests. */
export function resetConfiguration(): void {
  delete (globalThis as Slot)[SLOT];
}

/** Reads `data-endpoint`, `data-org` and `data-lang` from the script tag that loaded the SDK. */
export function configFromScript(script: HTMLScriptElement): CivicPulseConfig {
  const { endpoint, org, lang } = script.dataset;
  return {
    // Without data-endpoint the backend is where the script came from, the usual self-hosted case.
    endpoint: endpoint || new URL(script.src, document.baseURI).origin,
    ...(org ? { org } : {}),
    ...(lang ? { lang } : {}),
  };
}
