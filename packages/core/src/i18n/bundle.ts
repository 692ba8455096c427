/**
 * The messages of one part of the SDK, in every language: French at hand, since it is bundled
 * with the element that speaks it, and the others fetched only by the pages that speak them. Each
 * element names the bundles it speaks (`CivicElement.messages`), so a page carries the messages
 * of its own elements only: the rating's page does not download the poll's hundred messages.
 */
export interface MessageBundle<Key extends string = string> {
  /** Names the bundle in warnings. */
  name: string;
  fr: Readonly<Record<Key, string>>;
  en: () => Promise<Readonly<Record<Key, string>>>;
}
