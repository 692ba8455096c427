export const BACKEND_DIR: string;
/** examples/reference-backend/dist/server.js, what `npm start` runs. */
export const SERVER_JS: string;

/** Throws, saying how to build, when the server or the CDN bundle has not been built. */
export function assertBuilt(): void;

export interface RunningBackend {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  url: string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code, or the signal's name. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

/** Starts the built server on a port the system picks, on `databaseFile` or `databaseUrl`; resolves once /healthz answers 200. */
export function startBackend(options: {
  databaseFile?: string;
  /** A DATABASE_URL, e.g. `postgres://…`; wins over `databaseFile`. */
  databaseUrl?: string;
  adminToken: string;
  env?: Record<string, string>;
}): Promise<RunningBackend>;
