import type { KeyFigure } from '../../document/keyFiguresBlock.js';
import { formatPercent } from '../../formatting/formatValue.js';

/** A whole-number change with its sign, as reports print it: `+3`, `−2`, `±0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

/**
 * A figure's change on the twelve months before, as a key figure's trend: `+12% on the 12
 * months before`, up and good news when it grew by more than half a percent, down and bad news
 * when it fell by as much, flat otherwise.
 */
export function changeTrend(now: number, before: number, locale: string): KeyFigure['trend'] {
  if (before === 0) {
    return now === 0
      ? { direction: 'flat', sentiment: 'neutral', text: 'none in the 12 months before either' }
      : { direction: 'up', sentiment: 'positive', text: 'none in the 12 months before' };
  }
  const ratio = (now - before) / before;
  const text = `${ratio > 0 ? '+' : ratio < 0 ? '−' : '±'}${formatPercent(Math.abs(ratio), locale)} on the 12 months before`;
  return ratio > 0.005
    ? { direction: 'up', sentiment: 'positive', text }
    : ratio < -0.005
      ? { direction: 'down', sentiment: 'negative', text }
      : { direction: 'flat', sentiment: 'neutral', text };
}
