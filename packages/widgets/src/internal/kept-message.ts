import type { WaitReason } from './submission-outbox.js';

/**
 * Which of an element's two messages says that its submission waits on the device: `later` when
 * the server asked to wait (`rate-limited`, `server`), whose answer the connection's return will
 * not change, else `queued`, sent as soon as the connection is back.
 */
export const keptMessage = <Key>(reason: WaitReason | undefined, queued: Key, later: Key): Key =>
  reason === 'rate-limited' || reason === 'server' ? later : queued;
