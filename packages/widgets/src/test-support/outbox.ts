import { closeSubmissionOutboxes } from '../internal/submission-outbox.js';

const OUTBOX_PREFIX = 'civic-pulse-outbox';

/**
 * The name of the outbox that every HTTP adapter for `endpoint` and `org` shares, whether an
 * element made it or the page gave it (its `outboxKey`, see core's adapters/http.ts).
 */
export const outboxOf = (endpoint: string, org: string): string => `${OUTBOX_PREFIX} ${endpoint} ${org}`;

/** Each test starts with no outbox open and none on the device, as a first visit does. */
export async function forgetOutboxes(): Promise<void> {
  closeSubmissionOutboxes();
  const names = (await indexedDB.databases()).map(({ name }) => name!).filter((name) => name.startsWith(OUTBOX_PREFIX));
  await Promise.all(names.map((name) => new Promise((done) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: done, onerror: done, onblocked: done }))));
}

/** The names of the SDK's databases on the device. */
export const civicDatabases = async (): Promise<string[]> =>
  (await indexedDB.databases()).map(({ name }) => name!).filter((name) => name.startsWith('civic-pulse'));

/** The entries waiting in the outbox `name`, read without changing it: `<kind>:<key>` each, and whether it was tried. */
export async function queuedEntries(name = OUTBOX_PREFIX): Promise<{ key: string; tried: boolean; payload: unknown }[]> {
  if (!(await civicDatabases()).includes(name)) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) =>
    Object.assign(indexedDB.open(name), { onsuccess: (e: Event) => resolve((e.target as IDBOpenDBRequest).result), onerror: reject }),
  );
  try {
    const entries = await new Promise<{ key: string; tried?: boolean; payload: unknown }[]>((resolve, reject) =>
      Object.assign(db.transaction('entries').objectStore('entries').getAll(), { onsuccess: (e: Event) => resolve((e.target as IDBRequest).result), onerror: reject }),
    );
    return entries.map(({ key, tried, payload }) => ({ key, tried: tried === true, payload }));
  } finally {
    db.close();
  }
}

/** Makes every entry waiting in the outbox `name` look queued `days` ago, as if the device had kept it that long. */
export async function ageQueuedEntries(name: string, days: number): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) =>
    Object.assign(indexedDB.open(name), { onsuccess: (e: Event) => resolve((e.target as IDBOpenDBRequest).result), onerror: reject }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('entries', 'readwrite');
      const entries = transaction.objectStore('entries');
      Object.assign(entries.getAll(), {
        onsuccess: (e: Event) => {
          for (const entry of (e.target as IDBRequest<{ enqueuedAt: number }[]>).result) entries.put({ ...entry, enqueuedAt: Date.now() - days * 86_400_000 });
        },
      });
      Object.assign(transaction, { oncomplete: () => resolve(), onerror: reject });
    });
  } finally {
    db.close();
  }
}
