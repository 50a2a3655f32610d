import { DEMO_HELP, DemoUsageError, parseDemoArgs } from './cli/parseDemoArgs.js';
import { runDemo } from './runDemo.js';
import { DemoStoreError } from './store/openDemoStore.js';

// `pnpm demo` runs this from examples/demo; pnpm keeps the directory it was called from in
// INIT_CWD, and the demo's paths are relative to that.
const cwd = process.env.INIT_CWD ?? process.cwd();

try {
  const args = parseDemoArgs(process.argv.slice(2), cwd);
  if (args.help) console.log(DEMO_HELP);
  else await runDemo(args.options, { out: process.stdout, cwd });
} catch (error) {
  // One line, no stack: a usage mistake exits 2, anything else 1.
  const usage = error instanceof DemoUsageError;
  const message = error instanceof Error ? error.message : String(error);
  const hint = usage
    ? ' (see --help)'
    : error instanceof DemoStoreError
      ? ''
      : ' (run again with --fresh)';
  process.stderr.write(`demo: ${message.split('\n')[0]}${hint}\n`);
  process.exitCode = usage ? 2 : 1;
}
