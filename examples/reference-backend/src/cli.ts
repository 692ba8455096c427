import { readConfig } from './config.js';
import { runCli } from './cli/run.js';

// `npm run consultation -- <command>`: see src/cli/run.ts, or run it without arguments.
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    database: readConfig().database,
    // npm runs a workspace's script in the workspace's folder; a file named on the command line is
    // meant from the folder the person typed it in, which npm passes as INIT_CWD.
    cwd: process.env.npm_lifecycle_event === 'consultation' ? (process.env.INIT_CWD ?? process.cwd()) : process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // A bad DATABASE_URL, a database that does not answer: the message says it, a stack would not help.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
