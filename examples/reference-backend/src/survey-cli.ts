import { main } from './cli/command.js';
import { runSurveyCli } from './cli/survey.js';

// `npm run survey -- <command>`: see src/cli/survey.ts, or run it without arguments.
await main('survey', runSurveyCli);
