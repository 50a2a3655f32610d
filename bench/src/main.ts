import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FigureResult } from './benchSuite.js';
import { formatTable, meetsTarget } from './formatTable.js';
import { runFigure } from './runFigure.js';
import { suites } from './suites.js';

// pnpm bench [--filter <prefix>] [--check]
//   --filter  only figures whose name starts with the prefix; latest.json keeps the others
//   --check   exit with status 1 when a figure misses its target
//
// Each suite runs in a process of its own (`--suite <name>`, which prints its results as JSON),
// as a benchmark harness forks: a figure measured after other suites would share their heap
// (the million events one keeps, the scoring facts of another) and the type feedback they left
// in the code they share, and read up to twice as slow as it does on its own.

const RESULTS = new URL('../results/latest.json', import.meta.url);

interface Arguments {
  readonly filter: string;
  readonly check: boolean;
  /** Set in a suite's own process: the suite to measure. */
  readonly suite: string | undefined;
}

function parseArguments(argv: readonly string[]): Arguments {
  let filter = '';
  let check = false;
  let suite: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--filter') filter = argv[++index] ?? '';
    else if (argument.startsWith('--filter=')) filter = argument.slice('--filter='.length);
    else if (argument === '--check') check = true;
    else if (argument === '--suite') suite = argv[++index];
    else if (argument !== '--') throw new Error(`Unknown argument ${argument}`);
  }
  return { filter, check, suite };
}

/** Runs one suite's figures in a new process with this one's flags, returning its results. */
function measureInOwnProcess(suite: string, filter: string): Promise<FigureResult[]> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const child = spawn(
      process.execPath,
      [...process.execArgv, script, '--suite', suite, '--filter', filter],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the ${suite} suite's process exited with status ${code}`));
      else resolve(JSON.parse(output) as FigureResult[]);
    });
  });
}

async function previousResults(): Promise<FigureResult[]> {
  try {
    return JSON.parse(await readFile(RESULTS, 'utf8')) as FigureResult[];
  } catch {
    return [];
  }
}

async function main() {
  const { filter, check, suite } = parseArguments(process.argv.slice(2));
  const wanted = (name: string) => name.startsWith(filter);
  if (suite !== undefined) {
    // A suite's own process: measure, and hand the results back on stdout.
    const figures = suites.find((s) => s.name === suite)?.figures.filter((f) => wanted(f.name));
    const measured: FigureResult[] = [];
    for (const figure of figures ?? []) {
      process.stderr.write(`measuring ${figure.name}…\n`);
      measured.push(await runFigure(figure));
    }
    process.stdout.write(JSON.stringify(measured));
    return;
  }
  const chosen = suites.filter((s) => s.figures.some((f) => wanted(f.name)));
  if (chosen.length === 0)
    throw new Error(`No figure's name starts with ${JSON.stringify(filter)}`);

  const results: FigureResult[] = [];
  for (const { name } of chosen) results.push(...(await measureInOwnProcess(name, filter)));
  console.log(formatTable(results));

  // A filtered run replaces its own figures and keeps the others, in suite order.
  const byName = new Map((await previousResults()).map((r) => [r.name, r]));
  for (const result of results) byName.set(result.name, result);
  const order = suites.flatMap((suite) => suite.figures.map((f) => f.name));
  const merged = [...byName.values()]
    .filter((r) => order.includes(r.name))
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  await mkdir(new URL('.', RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);

  if (check && !results.every(meetsTarget)) process.exitCode = 1;
}

await main();
