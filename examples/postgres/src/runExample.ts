// Runs the example as a user would, for its tests.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const exampleDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `src/main.ts` in a process of its own, as `pnpm start` does: the process must end by
 * itself (every connection closed, no timer left), so a hang fails the test by its timeout.
 */
export async function runExample(env: Record<string, string | undefined>) {
  const { DATABASE_URL: _, ...inherited } = process.env;
  return run(
    process.execPath,
    ['--conditions=@account-planning/source', '--import', 'tsx', 'src/main.ts'],
    { cwd: exampleDir, env: { ...inherited, ...env }, timeout: 60_000 },
  );
}

/** The ranked lines of the output, without their explanations. */
export const rankedLines = (stdout: string) => stdout.split('\n').filter((l) => /^\d\. /.test(l));
