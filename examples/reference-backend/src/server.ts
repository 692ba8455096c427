import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { seedDemoConsultation, seedDemoOrg } from './seed.js';
import { DEMO_VILLAGE, seedDemoBarometers } from './seed-barometer.js';
import { demoSurveyLines, issueDemoSurveyTokens, seedDemoSurvey, seedPastDemoSurvey } from './seed-surveys.js';

const config = readConfig();
const adminToken = config.adminToken ?? randomBytes(24).toString('base64url');

const app = buildApp({
  database: config.database,
  adminToken,
  logger: { level: config.logLevel },
  ...(config.methodologyUrl ? { methodologyUrl: config.methodologyUrl } : {}),
  staticRoots: {
    site: join(config.repoRoot, 'examples', 'city-site'),
    kiosk: join(config.repoRoot, 'examples', 'kiosk'),
    cdn: join(config.repoRoot, 'packages', 'widgets', 'dist', 'cdn'),
  },
});

// A client that trickles its headers or body must not hold a socket for ever; idle keep-alive
// sockets are let go soon, below the usual 60 s of load balancers so that they close first.
app.server.headersTimeout = 10_000;
app.server.requestTimeout = 30_000;
app.server.keepAliveTimeout = 5_000;

const CLOSE_GRACE_MS = 10_000;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'closing: finishing requests in flight');
    // Should a request hang, leave anyway: the orchestrator that sent the signal is waiting.
    setTimeout(() => process.exit(1), CLOSE_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  await seedDemoOrg(app.storage.orgs, port);
  await seedDemoOrg(app.storage.orgs, port, DEMO_VILLAGE);
  await seedDemoConsultation(app.storage.consultations);
  await seedDemoSurvey(app.storage.surveys);
  await seedPastDemoSurvey(app.storage.surveys);
  const seeding = performance.now();
  const seeded = await seedDemoBarometers(app.storage);
  if (seeded.ratings + seeded.audits > 0) {
    app.log.info({ ...seeded, ms: Math.round(performance.now() - seeding) }, 'demo barometers seeded (ville-exemple, village-exemple)');
  }
  if (!config.adminToken) console.log(`CIVIC_ADMIN_TOKEN is unset; admin token for this run: ${adminToken}`);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const site = `http://${shownHost}:${port}`;
  for (const line of demoSurveyLines(site, await issueDemoSurveyTokens(app.storage.surveys))) console.log(line);
  console.log(`Kiosk, full screen (chromium --kiosk): ${site}/kiosk/`);
  // The URL comes last: a script (or a test) that waits for it has everything else by then.
  console.log(`Civic Pulse reference backend: ${site}/`);
} catch (error) {
  app.log.error({ err: error }, 'start failed');
  await app.close();
  process.exit(1);
}
