import { runAuditsCli } from './cli/audits.js';
import { main } from './cli/command.js';

// `npm run audits -- import <org> <file>`: see src/cli/audits.ts, or run it without arguments.
await main('audits', runAuditsCli);
