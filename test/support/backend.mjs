// Starts the BUILT reference backend (examples/reference-backend/dist/server.js, what `npm start`
// runs) as a child process, for the end-to-end tests and the benchmark. It is a real process on a
// real socket and a real SQLite file, so what they measure or check is what users run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CDN_DIR, LOADER } from './cdn.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const BACKEND_DIR = `${repoRoot}examples/reference-backend`;
export const SERVER_JS = `${BACKEND_DIR}/dist/server.js`;

// The server prints its URL last, once it listens and has seeded the demo org.
const URL_LINE = /reference backend: (http:\/\/\S+?)\/?$/;
const START_TIMEOUT_MS = 20_000;

/** Throws, saying how to build, when the server or the CDN bundle it serves has not been built. */
export function assertBuilt() {
  for (const file of [SERVER_JS, `${CDN_DIR}${LOADER}`]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
}

/**
 * Starts the server on a port the system picks (PORT=0, so no race for a "free" port) and resolves
 * once /healthz answers 200. Settings as DESIGN.md names them; LOG_LEVEL=warn keeps the output quiet.
 * The database is a SQLite file (`databaseFile`) or any DATABASE_URL (`databaseUrl`, e.g. postgres://).
 */
export async function startBackend({ databaseFile, databaseUrl, adminToken, env = {} }) {
  assertBuilt();
  if (!databaseUrl && !databaseFile) throw new Error('startBackend: give databaseFile or databaseUrl');
  const child = spawn(process.execPath, [SERVER_JS], {
    cwd: BACKEND_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl ?? `file:${databaseFile}`,
      CIVIC_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  // Should the caller die without stopping it, the server must not outlive it holding its port.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  exited.finally(() => process.off('exit', killOnExit)).catch(() => {});
  const output = [];
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        const found = URL_LINE.exec(line)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      const fail = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      exited.then(([code, signal]) => fail(new Error(`the server exited (${signal ?? code}) before printing its URL`)), fail);
    });
    const health = await fetch(`${url}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}: ${await health.text()}`);
    return {
      url,
      /** Sends `signal` and resolves with the exit code (or the signal's name) once the process is gone. */
      async stop(signal = 'SIGTERM') {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
        child.kill(signal);
        const [code, exitSignal] = await exited;
        return code ?? exitSignal;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`could not start ${SERVER_JS}: ${error.message}\n${output.join('\n')}`, { cause: error });
  }
}
