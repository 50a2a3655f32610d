import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_ACCOUNTS, MIN_ACCOUNTS } from '../scenario/generateDemo.js';

/** Where the demo keeps its events. */
export type DemoStorage =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'server'; readonly databaseUrl: string };

/** What a run of the demo was asked to do. */
export interface DemoOptions {
  readonly seed: number;
  readonly accounts: number;
  readonly storage: DemoStorage;
  /** Replace the stored book even when it holds this seed's data. */
  readonly fresh: boolean;
  readonly outDir: string;
}

/** The demo's arguments: run it with these options, or print the help. */
export type DemoArgs =
  | { readonly help: true }
  | { readonly help: false; readonly options: DemoOptions };

/** A mistake in how the demo was called or where it was pointed: one line for the user, no stack. */
export class DemoUsageError extends Error {
  override readonly name = 'DemoUsageError';
}

/** The `--help` text. */
export const DEMO_HELP = `pnpm demo [options]

Generates a book of business from a seed (three territories, three reps and their manager,
about 300 accounts with three years of revenue), plays a quarter of account reviews through
@account-planning/core, and writes each rep's review pack as HTML, Markdown and CSV.

Options:
  --seed <n>            the book to generate, a whole number from 0 to 4294967295 (default 1)
  --accounts <n>        how many accounts, ${MIN_ACCOUNTS} to ${MAX_ACCOUNTS} (default 300)
  --memory              keep the events in memory (nothing on disk; fastest)
  --database-url <url>  keep them on a PostgreSQL server (schema account_planning_demo)
  --data-dir <dir>      the embedded PGlite database's directory (default ./.demo)
  --fresh               rebuild the book even if the database already holds it
  --out <dir>           where the reports go (default ./out)
  -h, --help            show this help

Without --memory or --database-url the events go to embedded PGlite in ./.demo, which a later
run with the same seed and size reuses (it then only writes the reports). Paths are relative
to the directory you ran the command from.`;

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return fallback;
      const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        context.addIssue({
          code: 'custom',
          message: `--${name} must be a whole number from ${min} to ${max}, not '${text}'`,
        });
        return z.NEVER;
      }
      return value;
    });

const DemoFlags = z
  .object({
    seed: wholeNumber('seed', 0, 4_294_967_295, 1),
    accounts: wholeNumber('accounts', MIN_ACCOUNTS, MAX_ACCOUNTS, 300),
    memory: z.boolean().default(false),
    'database-url': z
      .string()
      .refine((url) => /^postgres(ql)?:\/\/\S+$/.test(url), {
        message: '--database-url must be a postgres:// or postgresql:// URL',
      })
      .optional(),
    'data-dir': z.string().min(1, '--data-dir must name a directory').optional(),
    fresh: z.boolean().default(false),
    out: z.string().min(1, '--out must name a directory').default('out'),
    help: z.boolean().default(false),
  })
  .refine((flags) => !(flags.memory && flags['database-url']), {
    message: 'choose one of --memory and --database-url',
  })
  .refine((flags) => !(flags['data-dir'] && (flags.memory || flags['database-url'])), {
    message:
      '--data-dir is for the embedded PGlite database: drop it with --memory or --database-url',
  });

/**
 * Parses the demo's command line (`node:util` `parseArgs`, then zod for the values).
 * Relative paths are resolved against `cwd`.
 *
 * @throws {DemoUsageError} an unknown flag, a missing value, a bad seed or size, or flags that
 *   contradict each other; its message is one line for the user.
 */
export function parseDemoArgs(argv: readonly string[], cwd: string): DemoArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        accounts: { type: 'string' },
        memory: { type: 'boolean' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        fresh: { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs explains itself over a few lines; keep one, naming the flag.
    const text = error instanceof Error ? error.message : String(error);
    const flag = /'(--[\w-]+)/.exec(text)?.[1] ?? 'the option';
    const message = text.includes('argument is ambiguous')
      ? `${flag} needs a value (write ${flag}=<value> for one that starts with a dash)`
      : text.split('\n')[0]!.replace(/\.$/, '');
    throw new DemoUsageError(message);
  }
  const parsed = DemoFlags.safeParse(values);
  if (!parsed.success) throw new DemoUsageError(parsed.error.issues[0]!.message);
  const flags = parsed.data;
  if (flags.help) return { help: true };
  const storage: DemoStorage = flags.memory
    ? { kind: 'memory' }
    : flags['database-url']
      ? { kind: 'server', databaseUrl: flags['database-url'] }
      : { kind: 'pglite', dataDir: resolve(cwd, flags['data-dir'] ?? '.demo') };
  return {
    help: false,
    options: {
      seed: flags.seed,
      accounts: flags.accounts,
      storage,
      fresh: flags.fresh,
      outDir: resolve(cwd, flags.out),
    },
  };
}
