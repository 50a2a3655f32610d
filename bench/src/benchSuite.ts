/** What a figure must reach: a bound on its value, or on its ratio to the baseline. */
export interface Target {
  readonly of: 'value' | 'ratio';
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** One measured run of a figure: the value, and a baseline measured in the same run. */
export interface Measurement {
  readonly value: number;
  readonly baseline?: number;
}

/** One figure a suite measures. */
export interface FigureBench {
  /** The figure's name as the issue that asked for it names it (`memory.append_1_per_call`). */
  readonly name: string;
  /** The unit of `value` and `baseline` (`events/s`, `ms`). */
  readonly unit: string;
  readonly target?: Target;
  /** Timed runs (default 5); the median run is reported. */
  readonly runs?: number;
  /**
   * Untimed warm-up runs first: `true` (the default) for one, `false` for none (figures that
   * take seconds), or how many (code called hundreds of times a run takes a few runs to be
   * optimised).
   */
  readonly warmUp?: boolean | number;
  /**
   * Whether a full garbage collection comes before each timed run (default true, when
   * `--expose-gc` is on), so that a run does not pay for the garbage of the one before. Off for
   * a latency a host waits for in steady state: a forced full collection also throws away
   * compiled code, which a host does not lose between two calls.
   */
  readonly collectGarbageFirst?: boolean;
  /** Measures once. Each call must do its own set-up, so that runs are independent. */
  measure(): Measurement | Promise<Measurement>;
}

/** A file of related figures (`fold`, `memory`). Register it in `suites.ts`. */
export interface BenchSuite {
  readonly name: string;
  readonly figures: readonly FigureBench[];
}

/** One entry of `results/latest.json`. */
export interface FigureResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  /** `value / baseline`, both from the same run. */
  readonly ratio?: number;
  readonly target?: Target;
}

/** Milliseconds of wall-clock time taken by `work`: for work done partly outside this process
 * (a database server). */
export async function wallTimeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Milliseconds of this process's CPU time (user and system, all threads) taken by `work`: for
 * work done in-process, so that a figure does not depend on what else the machine is running.
 * Garbage collection on helper threads counts too.
 */
export async function cpuTimeMs(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
