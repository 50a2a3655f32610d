import type { FigureResult, Target } from './benchSuite.js';

/** True when the result meets its target (or has none). */
export function meetsTarget(result: FigureResult): boolean {
  const { target } = result;
  if (!target) return true;
  const measured = target.of === 'ratio' ? result.ratio : result.value;
  if (measured === undefined) return false;
  return (
    (target.atLeast === undefined || measured >= target.atLeast) &&
    (target.atMost === undefined || measured <= target.atMost)
  );
}

function describeTarget(target: Target | undefined): string {
  if (!target) return '';
  const bounds = [
    target.atLeast === undefined ? '' : `>= ${target.atLeast.toLocaleString('en')}`,
    target.atMost === undefined ? '' : `<= ${target.atMost.toLocaleString('en')}`,
  ].filter(Boolean);
  return `${target.of} ${bounds.join(' and ')}`;
}

const number = (value: number | undefined) =>
  value === undefined ? '' : value.toLocaleString('en', { maximumSignificantDigits: 4 });

/** The results as an aligned text table, one row per figure, with whether it met its target. */
export function formatTable(results: readonly FigureResult[]): string {
  const rows = [
    ['figure', 'value', 'unit', 'baseline', 'ratio', 'target', ''],
    ...results.map((r) => [
      r.name,
      number(r.value),
      r.unit,
      number(r.baseline),
      number(r.ratio),
      describeTarget(r.target),
      r.target ? (meetsTarget(r) ? 'met' : 'MISSED') : '',
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const numeric = new Set([1, 3, 4]);
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          numeric.has(column)
            ? cell.padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
