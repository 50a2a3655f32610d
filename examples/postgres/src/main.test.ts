import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankedLines, runExample } from './runExample.js';

describe('the postgres example on PGlite', () => {
  it('migrates, writes, reads back after reconnecting, ranks, and removes its data directory', async () => {
    const { stdout, stderr } = await runExample({});
    expect(stderr).toBe('');
    expect(stdout).toContain('Events in PGlite in examples/postgres/.pglite');
    expect(stdout).toContain('Migrated to version 2 (applied 1, 2)');
    expect(stdout).toContain('Read Globex back: 6 events');
    expect(rankedLines(stdout)).toEqual([
      '1. 74  Warehouse scanners, second site',
      '2. 58  Maintenance renewal',
      '3. 55  Fleet telematics',
    ]);
    expect(existsSync(new URL('../.pglite', import.meta.url))).toBe(false);
  });
});
