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

  it('runs one untimed warm-up first unless the figure opts out or asks for more', async () => {
    let calls = 0;
    await runFigure({ name: 'w', unit: 'ms', runs: 2, measure: () => ({ value: ++calls }) });
    expect(calls).toBe(3);
    calls = 0;
    await runFigure({
      name: 'w',
      unit: 'ms',
      runs: 2,
      warmUp: 4,
      measure: () => ({ value: ++calls }),
    });
    expect(calls).toBe(6);
    calls = 0;
    const result = await runFigure({
      name: 'w',
      unit: 'ms',
      runs: 3,
      warmUp: false,
      measure: () => ({ value: ++calls }),
    });
    expect([calls, result.value]).toEqual([3, 2]);
  });

  it('collects garbage before each timed run unless the figure opts out', async () => {
    const global = globalThis as { gc?: () => void };
    const original = global.gc;
    let collections = 0;
    global.gc = () => {
      collections++;
    };
    try {
      await runFigure({ name: 'g', unit: 'ms', runs: 3, measure: () => ({ value: 1 }) });
      expect(collections).toBe(3);
      await runFigure({
        name: 'steady',
        unit: 'ms',
        runs: 3,
        collectGarbageFirst: false,
        measure: () => ({ value: 1 }),
      });
      expect(collections).toBe(3);
    } finally {
      if (original) global.gc = original;
      else delete global.gc;
    }
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
