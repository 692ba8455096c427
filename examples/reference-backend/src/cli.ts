import { main } from './cli/command.js';
import { runCli } from './cli/run.js';

// `npm run consultation -- <command>`: see src/cli/run.ts, or run it without arguments.
await main('consultation', runCli);
