import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs the quickstart exactly as `pnpm start` does, collecting what it prints.
const log = vi.spyOn(console, 'log').mockImplementation(() => {});
await import('./main.js');
const printed = log.mock.calls.map((call) => call.join(' '));
afterAll(() => log.mockRestore());

describe('the quickstart', () => {
  it('ranks the sponsored cross-sell first and the uncapped new buyer last', () => {
    const ranked = printed.filter((line) => /^\d\. /.test(line));
    expect(ranked).toEqual([
      '1. 75  ERP roll-out to finance',
      '2. 60  Support upgrade to 24/7',
      '3. 60  Licence price increase',
      '4. 54  Analytics for the Lyon branch',
    ]);
  });

  it('explains each score: the points add up before the gate that caps it', () => {
    expect(printed[0]).toBe("Acme's opportunities, ranked by opportunity-default v1:");
    expect(printed[4]).toBe(
      '   value 10 + probability 20 + accountTier 15 + sponsorRelationship 0 + timing 10 + kind 12 + satisfaction 6 = 73; no_executive_sponsor caps it at 60',
    );
    for (const explanation of printed.filter((line) => line.startsWith('   '))) {
      const [sum, total] = explanation.split(';')[0]!.split(' = ');
      const points = [...sum!.matchAll(/ (\d+)/g)].map((m) => Number(m[1]));
      expect(points.reduce((a, b) => a + b, 0)).toBe(Number(total));
    }
  });
});
