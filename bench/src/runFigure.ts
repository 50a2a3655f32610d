import type { FigureBench, FigureResult, Measurement } from './benchSuite.js';

const DEFAULT_RUNS = 5;

/** Four significant digits: enough to compare runs, short enough to read. */
function rounded(value: number): number {
  return Number(value.toPrecision(4));
}

/**
 * Measures a figure: its warm-up runs (one unless the figure says otherwise), then `figure.runs`
 * timed runs (a garbage collection before each when `--expose-gc` is on, unless the figure opts
 * out), reporting the median run. With a baseline, runs are
 * ranked by their ratio, so that the value and baseline reported come from the same run.
 */
export async function runFigure(figure: FigureBench): Promise<FigureResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const warmUps = figure.warmUp === false ? 0 : figure.warmUp === true ? 1 : (figure.warmUp ?? 1);
  for (let run = 0; run < warmUps; run++) await figure.measure();
  const runs: Measurement[] = [];
  for (let run = 0; run < (figure.runs ?? DEFAULT_RUNS); run++) {
    if (figure.collectGarbageFirst !== false) gc?.();
    runs.push(await figure.measure());
  }
  const rank = (m: Measurement) => (m.baseline === undefined ? m.value : m.value / m.baseline);
  runs.sort((a, b) => rank(a) - rank(b));
  const median = runs[Math.floor(runs.length / 2)] as Measurement;
  return {
    name: figure.name,
    value: rounded(median.value),
    unit: figure.unit,
    ...(median.baseline === undefined
      ? {}
      : { baseline: rounded(median.baseline), ratio: rounded(median.value / median.baseline) }),
    ...(figure.target === undefined ? {} : { target: figure.target }),
  };
}
