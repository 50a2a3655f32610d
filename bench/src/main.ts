import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { FigureResult } from './benchSuite.js';
import { formatTable, meetsTarget } from './formatTable.js';
import { runFigure } from './runFigure.js';
import { suites } from './suites.js';

// pnpm bench [--filter <prefix>] [--check]
//   --filter  only figures whose name starts with the prefix; latest.json keeps the others
//   --check   exit with status 1 when a figure misses its target

const RESULTS = new URL('../results/latest.json', import.meta.url);

function parseArguments(argv: readonly string[]): { filter: string; check: boolean } {
  let filter = '';
  let check = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--filter') filter = argv[++index] ?? '';
    else if (argument.startsWith('--filter=')) filter = argument.slice('--filter='.length);
    else if (argument === '--check') check = true;
    else if (argument !== '--') throw new Error(`Unknown argument ${argument}`);
  }
  return { filter, check };
}

async function previousResults(): Promise<FigureResult[]> {
  try {
    return JSON.parse(await readFile(RESULTS, 'utf8')) as FigureResult[];
  } catch {
    return [];
  }
}

async function main() {
  const { filter, check } = parseArguments(process.argv.slice(2));
  const figures = suites.flatMap((suite) => suite.figures).filter((f) => f.name.startsWith(filter));
  if (figures.length === 0)
    throw new Error(`No figure's name starts with ${JSON.stringify(filter)}`);

  const results: FigureResult[] = [];
  for (const figure of figures) {
    process.stderr.write(`measuring ${figure.name}…\n`);
    results.push(await runFigure(figure));
  }
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
