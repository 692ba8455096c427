import type { IncomingMessage } from 'node:http';

export interface DroppingProxy {
  /** e.g. `http://127.0.0.1:41235`, no trailing slash. */
  url: string;
  /** Requests `matches` accepted, answers dropped (after the backend answered), answers passed on. */
  counts(): { matched: number; dropped: number; forwarded: number };
  close(): Promise<void>;
}

/**
 * A proxy in front of `targetUrl` that forwards every request and, of those `matches` accepts,
 * drops every `dropEvery`-th answer once the backend has given it: the client's socket is destroyed.
 */
export function startDroppingProxy(targetUrl: string, options: { dropEvery: number; matches?: (request: IncomingMessage) => boolean }): Promise<DroppingProxy>;
