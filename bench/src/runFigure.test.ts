import { describe, expect, it } from 'vitest';
import { formatTable, meetsTarget } from './formatTable.js';
import { runFigure } from './runFigure.js';

describe('runFigure', () => {
  it('reports the median run, with value and baseline from that same run', async () => {
    const runs = [
      { value: 10, baseline: 1 },
      { value: 30, baseline: 10 },
      { value: 40, baseline: 2 },
    ];
    let call = 0;
    const result = await runFigure({
      name: 'test.figure',
      unit: 'ms',
      runs: 3,
      warmUp: false,
      measure: () => runs[call++] ?? { value: 0 },
    });
    expect(result).toEqual({ name: 'test.figure', value: 10, unit: 'ms', baseline: 1, ratio: 10 });
  });

  it('runs an untimed warm-up first unless the figure opts out', async () => {
    let calls = 0;
    await runFigure({ name: 'w', unit: 'ms', runs: 2, measure: () => ({ value: ++calls }) });
    expect(calls).toBe(3);
  });
});

describe('meetsTarget', () => {
  it('checks the bound on the value or on the ratio', () => {
    const base = { name: 'f', unit: 'x', value: 5, baseline: 2, ratio: 2.5 };
    expect(meetsTarget({ ...base, target: { of: 'value', atLeast: 5 } })).toBe(true);
    expect(meetsTarget({ ...base, target: { of: 'ratio', atMost: 2 } })).toBe(false);
    const noBaseline = { name: 'f', unit: 'x', value: 5 };
    expect(meetsTarget({ ...noBaseline, target: { of: 'ratio', atLeast: 1 } })).toBe(false);
    expect(formatTable([{ ...base, target: { of: 'ratio', atMost: 2 } }])).toContain('MISSED');
  });
});
