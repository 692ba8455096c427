import { main } from './cli/command.js';
import { runPurgeCli } from './cli/purge.js';

// `npm run purge`: see src/cli/purge.ts, or run it with --help.
await main('purge', runPurgeCli);
