import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** One queued submission as kept on the device; `seq` orders the queue, `key` is unique. */
export interface StoredEntry {
  seq?: number;
  /** `<kind>:<idempotency key>`: the same submission queued twice is kept once. */
  key: string;
  kind: string;
  payload: unknown;
  /** Milliseconds since the epoch, from the outbox's clock, for the expiry. */
  enqueuedAt: number;
  /** An attempt may have reached the server (kinds that ask for it: see kinds.ts). */
  tried?: boolean;
}

/** Where the queue lives: IndexedDB when it can, the page's memory otherwise. */
export interface OutboxStore {
  readonly durable: boolean;
  /** False when an entry with the same key is already queued. */
  add(entry: StoredEntry): Promise<boolean>;
  /** The oldest entry, the one to send next; with `after`, the oldest queued after the entry `after`. */
  first(after?: number): Promise<StoredEntry | undefined>;
  delete(seq: number): Promise<void>;
  /** Marks the entry `seq` as tried, before its first attempt leaves. */
  markTried(seq: number): Promise<void>;
  count(): Promise<number>;
  close(): void;
}

interface OutboxSchema extends DBSchema {
  entries: { key: number; value: StoredEntry; indexes: { key: string } };
}

/**
 * Opens the outbox's database. Without `create`, a database that does not exist yet is not made:
 * the upgrade that would create it is aborted, so reading at start writes nothing to the device.
 * Resolves `undefined` then; rejects when IndexedDB itself is unavailable.
 */
export async function openIndexedDbStore(name: string, create: boolean, onLost: () => void): Promise<OutboxStore | undefined> {
  let absent = false;
  let db: IDBPDatabase<OutboxSchema>;
  try {
    db = await openDB<OutboxSchema>(name, 1, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        if (oldVersion === 0 && !create) {
          absent = true;
          transaction.done.catch(() => undefined); // its rejection is the point, not an error
          transaction.abort();
          return;
        }
        database.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
      },
      // Another tab (or a later version of this code) wants to upgrade: let it, and reopen on next use.
      blocking() {
        db.close();
        onLost();
      },
      terminated: onLost,
    });
  } catch (error) {
    if (absent) return undefined;
    throw error;
  }
  return {
    durable: true,
    async add(entry) {
      try {
        await db.add('entries', entry);
        return true;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'ConstraintError') return false;
        throw error;
      }
    },
    async first(after) {
      const cursor = await db.transaction('entries').store.openCursor(after === undefined ? null : IDBKeyRange.lowerBound(after, true));
      return cursor?.value;
    },
    delete: (seq) => db.delete('entries', seq),
    async markTried(seq) {
      const transaction = db.transaction('entries', 'readwrite');
      const entry = await transaction.store.get(seq);
      if (entry) await transaction.store.put({ ...entry, tried: true });
      await transaction.done;
    },
    count: () => db.count('entries'),
    close: () => db.close(),
  };
}

/** The fallback where IndexedDB cannot be used (private mode, blocked by policy): lost on reload. */
export function memoryStore(): OutboxStore {
  const entries: StoredEntry[] = [];
  let seq = 0;
  return {
    durable: false,
    async add(entry) {
      if (entries.some((queued) => queued.key === entry.key)) return false;
      entries.push({ ...entry, seq: ++seq });
      return true;
    },
    first: async (after) => entries.find((entry) => after === undefined || entry.seq! > after),
    async delete(seq) {
      const index = entries.findIndex((entry) => entry.seq === seq);
      if (index >= 0) entries.splice(index, 1);
    },
    async markTried(seq) {
      const entry = entries.find((queued) => queued.seq === seq);
      if (entry) entry.tried = true;
    },
    count: async () => entries.length,
    close: () => undefined,
  };
}
