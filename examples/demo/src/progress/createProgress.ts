/** Where the demo writes what it is doing. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Reports the demo's steps: a bar on a terminal, plain lines otherwise, and each step's time. */
export interface Progress {
  /** Prints a line. */
  line(text: string): void;
  /** Runs one step, printing its name, its progress through `total` units and its time. */
  step<T>(name: string, total: number, run: (tick: () => void) => Promise<T>): Promise<T>;
}

const BAR_WIDTH = 20;
const REDRAW_MS = 80;

/**
 * Creates the progress reporter. On a TTY each step draws a bar that redraws at most every
 * 80 ms and is replaced by the step's line when it ends; elsewhere (CI, a pipe, a test) only
 * the step's line is printed, once it ends. A dozen lines of our own: no dependency needed.
 */
export function createProgress(
  out: ProgressOutput,
  now: () => number = () => performance.now(),
): Progress {
  const tty = out.isTTY === true;
  return {
    line: (text) => out.write(`${text}\n`),
    async step(name, total, run) {
      const started = now();
      let done = 0;
      let drawn = 0;
      const draw = () => {
        const share = total === 0 ? 1 : Math.min(1, done / total);
        const filled = Math.round(share * BAR_WIDTH);
        const meter = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        const text = `  ${name} ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total} ${meter}`;
        out.write(`\r${text.slice(0, (out.columns ?? 100) - 1)}\x1b[K`);
      };
      // A one-unit step has nothing to show but its end.
      const bar = tty && total > 1;
      if (bar) draw();
      const result = await run(() => {
        done += 1;
        if (bar && now() - drawn >= REDRAW_MS) {
          drawn = now();
          draw();
        }
      });
      const seconds = ((now() - started) / 1000).toFixed(1);
      const count = total > 1 ? ` (${total.toLocaleString('en-GB')})` : '';
      out.write(`${bar ? '\r\x1b[K' : ''}  ✓ ${name}${count}: ${seconds} s\n`);
      return result;
    },
  };
}
