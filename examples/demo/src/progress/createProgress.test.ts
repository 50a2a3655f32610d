import { describe, expect, it } from 'vitest';
import { createProgress } from './createProgress.js';

/** A clock that moves 100 ms each time it is read, so that every tick may redraw. */
const steppingClock = () => {
  let t = 0;
  return () => (t += 100);
};

const run = async (isTTY: boolean) => {
  let written = '';
  const progress = createProgress(
    { write: (text: string) => (written += text), isTTY, columns: 120 },
    steppingClock(),
  );
  await progress.step('History', 4, async (tick) => {
    for (let i = 0; i < 4; i++) tick();
  });
  return written;
};

describe('the demo’s progress', () => {
  it('draws a bar on a terminal, then replaces it with the step’s line and time', async () => {
    const written = await run(true);
    expect(written).toContain('\r  History  50% 2/4 ██████████░░░░░░░░░░\x1b[K');
    // The bar's line is cleared (carriage return, erase line) before the step's own line.
    const [bars, last] = [
      written.slice(0, written.lastIndexOf('\r')),
      written.slice(written.lastIndexOf('\r')),
    ];
    expect(bars).toContain('\r  History 100% 4/4 ████████████████████');
    expect(last.startsWith('\r\x1b[K  ✓ History (4): ')).toBe(true);
  });

  it('prints only the step’s line elsewhere', async () => {
    expect(await run(false)).toMatch(/^ {2}✓ History \(4\): \d+\.\d s\n$/);
  });
});
