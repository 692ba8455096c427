import { html, nothing, type TemplateResult } from 'lit';
import type { Language, MessageKey, OutboxStatus, Params } from '@civic-pulse/core';

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * The staff's status line, small at the foot of the kiosk: online or offline, ratings waiting on
 * the device, the last one the server acknowledged, a warning when the device keeps them in memory
 * only, and the kiosk's id. Words, not only a coloured dot, and no live region: it is for whoever
 * looks, not something to announce to each citizen.
 */
export function kioskStatus(status: OutboxStatus | undefined, kioskId: string | undefined, t: Translate, language: Language): TemplateResult {
  const online = status?.online ?? globalThis.navigator?.onLine ?? true;
  const lastSync = status?.lastSyncAt
    ? t('kiosk.status.last-sync', { time: new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(new Date(status.lastSyncAt)) })
    : t('kiosk.status.never-synced');
  return html`
    <ul part="kiosk-status" class="kiosk-status" aria-label=${t('kiosk.status.label')}>
      <li class=${online ? 'online' : 'offline'}>${t(online ? 'kiosk.status.online' : 'kiosk.status.offline')}</li>
      <li>${t('kiosk.status.queued', { count: status?.queued ?? 0 })}</li>
      <li>${lastSync}</li>
      ${status && !status.durable ? html`<li class="memory">${t('kiosk.status.memory')}</li>` : nothing}
      <li>${kioskId ? t('kiosk.status.kiosk', { id: kioskId }) : t('kiosk.status.no-kiosk-id')}</li>
    </ul>
  `;
}
