// The one place that knows where Chromium lives and how to launch it quietly: web-test-runner's
// config and the end-to-end tests both import it. Only Debian's package works on our machines
// (a test tool's own browser download fails offline), so there is no fallback download.
import { existsSync } from 'node:fs';

const INSTALL_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to launch: `CHROME_PATH`, else the first usual install path that exists. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist: install Debian's chromium: apt-get install -y chromium, or set CHROME_PATH`);
  }
  const found = INSTALL_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(`No Chromium in ${INSTALL_PATHS.join(', ')}: install Debian's chromium: apt-get install -y chromium, or set CHROME_PATH`);
}

/** Headless, no sandbox (CI runs as root), and no request leaves the machine except to localhost. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  // One argv entry, so no shell quotes around the rules.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]);
