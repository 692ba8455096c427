// The one-tag entry of the CDN build: reads the configuration from its own <script> tag, then loads
// the code of each Civic Pulse element only once such an element is on the page, now or later.
import { configFromScript, configure, getConfiguration } from '@civic-pulse/core';

const ELEMENT_LOADERS: Record<string, () => Promise<unknown>> = {
  'civic-satisfaction-rating': () => import('./satisfaction-rating/civic-satisfaction-rating.js'),
  'civic-consultation-poll': () => import('./consultation-poll/civic-consultation-poll.js'),
  'civic-agent-survey': () => import('./agent-survey/civic-agent-survey.js'),
  'civic-barometer-badge': () => import('./barometer-badge/civic-barometer-badge.js'),
  'civic-pulse-provider': () => import('./provider/civic-pulse-provider.js'),
};

// A module script has no document.currentScript: find the tag whose src is this very module.
const ownScript = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]')).find(
  (script) => script.src === import.meta.url,
);
// What the page's own code configured beforehand wins over the tag's data-* attributes.
if (ownScript) configure({ ...configFromScript(ownScript), ...getConfiguration() });

const waiting = new Set(Object.keys(ELEMENT_LOADERS));

function loadPresent(root: Element | Document): void {
  for (const tag of waiting) {
    if ((root instanceof Element && root.matches(tag)) || root.querySelector(tag)) {
      waiting.delete(tag);
      ELEMENT_LOADERS[tag]!().catch((error: unknown) => {
        waiting.add(tag);
        console.error(`[civic-pulse] could not load <${tag}>`, error);
      });
    }
  }
  if (waiting.size === 0) observer.disconnect();
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) loadPresent(node);
  }
});
observer.observe(document.documentElement, { childList: true, subtree: true });
loadPresent(document);
