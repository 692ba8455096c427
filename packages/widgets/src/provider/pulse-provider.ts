import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { BackendAdapter } from '@civic-pulse/core';
import { adapterContext } from '../internal/adapter-context.js';
import { defineOnce } from '../internal/define.js';

/**
 * @summary Hands one backend adapter to every Civic Pulse element inside it, e.g. a memory adapter
 * for a demo section, or an adapter with the credentials of an intranet.
 *
 * @slot - The elements that use the adapter.
 */
export class PulseProvider extends LitElement {
  /** The adapter the elements inside use, unless they have their own. */
  @provide({ context: adapterContext })
  @property({ attribute: false })
  adapter?: BackendAdapter;

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Registers the class under `tag`, or warns if another copy of the SDK already did. */
  static define(tag: string): void {
    defineOnce(tag, this);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
