import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoUsageError, parseDemoArgs } from './cli/parseDemoArgs.js';
import { runDemo } from './runDemo.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the demo in this process on the memory store, collecting what it prints. */
async function runSmall(out: string) {
  const args = parseDemoArgs(['--memory', '--accounts', '30', '--seed', '7', '--out', out], dir);
  if (args.help) throw new Error('expected options');
  let printed = '';
  const run = await runDemo(args.options, {
    out: { write: (t: string) => (printed += t) },
    cwd: dir,
  });
  return { run, printed };
}

/** Every file under `root`, relative to it, with its content. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(root.length + 1)] = await readFile(path, 'utf8');
  }
  return files;
}

describe('a run of the demo on the memory store', () => {
  it('writes each rep’s review pack, the plans, the team view and the annual pack as HTML, Markdown and CSV, and an index, and says what to open', async () => {
    const out = join(dir, 'first');
    const { run, printed } = await runSmall(out);
    const files = await snapshot(out);
    for (const rep of ['ana-lima', 'ben-okafor', 'chloe-martin']) {
      expect(files[`review-packs/${rep}/review-pack.html`]).toMatch(/^<!DOCTYPE html>/);
      expect(files[`review-packs/${rep}/review-pack.md`]).toMatch(/^# Monthly account review: /);
      const csv = Object.keys(files).filter((f) => f.startsWith(`review-packs/${rep}/csv/`));
      expect(csv.length).toBeGreaterThan(0);
    }
    // The manager's reports and a plan document for each approved plan.
    expect(files['team-view/team-view.html']).toMatch(/^<!DOCTYPE html>/);
    expect(files['team-view/team-view.md']).toMatch(/^# Team view: Morgan Reyes/);
    expect(files['annual-pack/annual-pack-2025.md']).toMatch(/^# Annual review 2025/);
    const plans = Object.keys(files).filter((f) => /^plans\/[a-z0-9-]+\/plan\.html$/.test(f));
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const plan of plans)
      expect(files[plan.replace(/html$/, 'md')]).toMatch(/^# Strategic account plan: /);
    expect(files['index.html']).toContain('review-packs/ana-lima/review-pack.html');
    expect(files['index.html']).toContain('team-view/team-view.html');
    expect(Object.keys(files).sort()).toEqual([...run.files].sort());
    expect(run.reused).toBe(false);
    expect(printed).toContain(
      'Open first: first/index.html, then first/review-packs/ana-lima/review-pack.html',
    );
    // Every step is printed with its time; no terminal codes when the output is not a TTY.
    expect(printed).toMatch(/✓ History, 2023 to 2025 \([\d,]+\): \d+\.\d s/);
    expect(printed).not.toContain('\x1b[');
  });

  it('writes byte-identical files when run again with the same seed', async () => {
    const again = join(dir, 'second');
    await runSmall(again);
    expect(await snapshot(again)).toEqual(await snapshot(join(dir, 'first')));
  });

  it('dates the reports from the scenario, not the wall clock', async () => {
    const md = await readFile(join(dir, 'first/review-packs/ana-lima/review-pack.md'), 'utf8');
    expect(md).toContain('**Generated:** 6 Apr 2026, 17:00 UTC');
  });
});

describe('the demo’s command line', () => {
  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--seed', 'abc'], "--seed must be a whole number from 0 to 4294967295, not 'abc'"],
    [['--seed=-3'], "--seed must be a whole number from 0 to 4294967295, not '-3'"],
    [['--seed', '-3'], '--seed needs a value'],
    [['--accounts', '5'], '--accounts must be a whole number from 12 to 3000'],
    [
      ['--memory', '--database-url', 'postgres://h/db'],
      'choose one of --memory and --database-url',
    ],
    [['--database-url', 'mysql://h/db'], '--database-url must be a postgres://'],
    [['extra'], 'Unexpected argument'],
  ])('refuses %j with one line saying why', (argv, message) => {
    expect(() => parseDemoArgs(argv, dir)).toThrow(DemoUsageError);
    expect(() => parseDemoArgs(argv, dir)).toThrow(message);
  });

  it('defaults to seed 1, 300 accounts, PGlite in ./.demo and reports in ./out', () => {
    expect(parseDemoArgs([], '/work')).toEqual({
      help: false,
      options: {
        seed: 1,
        accounts: 300,
        storage: { kind: 'pglite', dataDir: '/work/.demo' },
        fresh: false,
        outDir: '/work/out',
      },
    });
  });

  const run = (argv: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@account-planning/source', '--import', 'tsx', 'src/main.ts', ...argv],
      { cwd: exampleDir, env: { ...process.env, INIT_CWD: dir }, timeout: 30_000 },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  it('exits 2 on a bad flag, printing one line and no stack trace', async () => {
    const { code, stderr } = await run(['--seed', 'x']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "demo: --seed must be a whole number from 0 to 4294967295, not 'x' (see --help)\n",
    );
  });

  it('exits 1 when --database-url cannot be reached, printing one line', async () => {
    const { code, stderr } = await run([
      '--database-url',
      'postgres://postgres@127.0.0.1:1/test',
      '--accounts',
      '12',
      '--out',
      join(dir, 'unreached'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^demo: cannot use the PostgreSQL server at 127\.0\.0\.1:1: .+\n$/);
  });
});
