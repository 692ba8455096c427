/**
 * Registers `element` under `tag` unless the tag is taken. A second copy of the SDK on the page
 * (the CDN embed next to an npm bundle) then warns instead of throwing and breaking the page.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) console.warn(`[civic-pulse] <${tag}> is already defined by another copy of the SDK; keeping the first.`);
}
