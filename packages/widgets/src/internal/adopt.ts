import { adoptStyles, type CSSResult } from 'lit';

/**
 * Adds the styles of a part fetched later (a poll's questions, kiosk mode's layout…) to an
 * element's shadow root, once. An adopted stylesheet, as Lit's own: nothing inline, so a strict CSP
 * (no 'unsafe-inline' style) allows it; where a browser cannot adopt, Lit's `adoptStyles` appends a
 * <style> with the page's nonce, as it does for the element.
 */
export function adopt(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet) adoptStyles(root, [styles]);
  else if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
