import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..', '..');

/**
 * Bundles `storeWorker.ts` from source (the workspace's source condition) into
 * the package's `node_modules/.cache`, where `pg` resolves. Returns the bundle's path.
 */
export async function buildStoreWorker(): Promise<string> {
  const outDir = join(packageDir, 'node_modules', '.cache');
  await mkdir(outDir, { recursive: true });
  const outfile = join(outDir, `store-worker-${process.pid}.cjs`);
  await build({
    entryPoints: [join(here, 'storeWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['@account-planning/source'],
    external: ['pg', 'pg-native', '@electric-sql/pglite'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** What a worker process did. */
export interface WorkerOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the worker bundle with one JSON task and waits for the process to end by itself. A
 * process still alive after `hangAfterMs` is killed and reported with code null: a handle was
 * left open.
 */
export function runWorker(
  bundle: string,
  task: unknown,
  hangAfterMs = 20_000,
): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, JSON.stringify(task)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), hangAfterMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
