import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createHttpAdapter,
  getConfiguration,
  loadLanguage,
  supportedLanguage,
  translate,
  type BackendAdapter,
  type Language,
  type MessageBundle,
  type MessageKey,
  type Params,
} from '@civic-pulse/core';
import { adapterContext } from './adapter-context.js';
import { defineOnce } from './define.js';

/**
 * What every Civic Pulse element shares: a guarded `define()`, the backend adapter looked up in
 * the order DESIGN.md fixes, the language, and translated messages.
 */
export class CivicElement extends LitElement {
  /** The message bundles this element speaks, beyond the base ones; loaded before each render. */
  static messages: readonly MessageBundle[] = [];

  /** Registers the class under `tag`, or warns if another copy of the SDK already did. */
  static define(tag: string): void {
    defineOnce(tag, this);
  }

  @consume({ context: adapterContext, subscribe: true })
  @state()
  private providedAdapter?: BackendAdapter;

  private httpAdapter?: { key: string; adapter: BackendAdapter };

  /** An adapter for this element only; wins over any provider and over the page's configuration. */
  @property({ attribute: false }) adapter?: BackendAdapter;

  /** Base URL of the v1 backend; overrides the script tag's `data-endpoint`. */
  @property() endpoint?: string;

  /** The organisation's id; overrides the script tag's `data-org`. */
  @property() org?: string;

  /** `fr` or `en`; by default the configured language (`data-lang`), else the nearest `lang` of the page. */
  @property() override lang = '';

  /** The adapter to use now: own property, then provider, then the page's configuration. */
  protected resolveAdapter(): BackendAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (this.providedAdapter) return this.providedAdapter;
    const config = getConfiguration();
    if (config.adapter && !this.endpoint && !this.org) return config.adapter;
    const endpoint = this.endpoint || config.endpoint;
    const org = this.org || config.org;
    if (!endpoint || !org) return undefined;
    const key = `${endpoint} ${org}`;
    if (this.httpAdapter?.key !== key) this.httpAdapter = { key, adapter: createHttpAdapter({ endpoint, org }) };
    return this.httpAdapter.adapter;
  }

  /**
   * The name of `adapter`'s outbox: its `outboxKey`, which the HTTP adapter declares as
   * `<endpoint> <org>` (the one this element made, or one the page gave for the same backend);
   * undefined for an adapter the page gave that declares none.
   */
  protected adapterKey(adapter: BackendAdapter): string | undefined {
    return adapter.outboxKey;
  }

  /**
   * The language this element speaks: its own `lang`, then the one the webmaster configured
   * (`data-lang`), then the nearest `lang` of the page around it.
   */
  get language(): Language {
    return supportedLanguage(this.lang || getConfiguration().lang || this.closest<HTMLElement>('[lang]')?.lang);
  }

  /** A date and time in this element's language and the page's time zone ("27 janvier 2027 à 09:00"). */
  protected formatDate(iso: string): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  }

  // Each render waits for the element's messages in its language, fetched once per page: a French
  // page never downloads English, and an English page never flashes French first.
  protected override async scheduleUpdate(): Promise<void> {
    await loadLanguage(this.language, (this.constructor as typeof CivicElement).messages);
    super.scheduleUpdate();
  }

  protected t(key: MessageKey, params?: Params): string {
    return translate(this.language, key, params);
  }
}
