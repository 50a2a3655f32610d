import { ValidationError } from '../errors.js';

/** What a ranking orders by: the score, then the value, then the id. */
export interface RankKey {
  readonly id: string;
  readonly score: number;
  /** The tie-break after the score, higher first: an opportunity's value. */
  readonly value: { readonly amountMinor: number };
}

/**
 * The ranking order: higher score first, then higher value, then id in ascending code-unit
 * order (not locale order, which differs between machines). A total order: it returns 0 only
 * for entries with the same score, value and id.
 */
export function compareRanked(a: RankKey, b: RankKey): number {
  if (a.score !== b.score) return b.score - a.score;
  const byValue = b.value.amountMinor - a.value.amountMinor;
  if (byValue !== 0) return byValue;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Sorts scored entries by {@link compareRanked} into a new array; the result does not depend on
 * the order of the input.
 *
 * @throws {ValidationError} when two entries have the same score, value and id (path
 * `[index, 'id']`): they are the one case in which input order could show through. Ids should
 * be unique; entries that share an id but differ in score or value are ranked apart.
 */
export function sortRanked<E extends RankKey>(entries: readonly E[]): E[] {
  const n = entries.length;
  const scores = new Float64Array(n);
  const values = new Float64Array(n);
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    scores[i] = e.score;
    values[i] = e.value.amountMinor;
    ids[i] = e.id;
  }
  const order = rankOrder(scores, values, ids);
  const sorted: E[] = new Array(n);
  for (let r = 0; r < n; r++) sorted[r] = entries[order[r]!]!;
  return sorted;
}

/**
 * The ranking order of columns: `order[r]` is the index of the entry ranked `r + 1`. Whole
 * scores from 0 to 100 are counting-sorted, then each score's entries are sorted by value and
 * id with an index sort over the columns: no comparator call per comparison, which is most of
 * the cost of ranking 100,000 opportunities.
 *
 * @throws {ValidationError} when two entries have the same score, value and id.
 */
export function rankOrder(
  scores: ArrayLike<number>,
  values: Float64Array,
  ids: readonly string[],
): Uint32Array {
  const n = ids.length;
  let wholeScores = true;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (!(s >= 0 && s <= 100 && Math.floor(s) === s)) {
      wholeScores = false;
      break;
    }
  }
  let order: Uint32Array;
  if (wholeScores) {
    // Counting sort by score, highest first: bucket k holds score 100 - k.
    const starts = new Int32Array(102);
    for (let i = 0; i < n; i++) starts[101 - scores[i]!]! += 1;
    for (let k = 1; k < 102; k++) starts[k]! += starts[k - 1]!;
    const next = starts.slice(0, 101);
    order = new Uint32Array(n);
    // The values travel with the indices, so the sort reads memory in order instead of jumping
    // through `values` (the jumps were cache misses and most of the time).
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const at = next[100 - scores[i]!]!++;
      order[at] = i;
      keys[at] = values[i]!;
    }
    for (let k = 0; k < 101; k++) {
      const lo = starts[k]!;
      const hi = starts[k + 1]! - 1;
      if (hi > lo) sortSegment(order, keys, lo, hi, ids);
    }
  } else {
    // Scores from a product's own scorer may fall outside whole 0-100; they still sort totally.
    const byKey = (a: number, b: number) =>
      scores[b]! - scores[a]! ||
      values[b]! - values[a]! ||
      (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    order = Uint32Array.from(Array.from({ length: n }, (_, i) => i).sort(byKey));
  }
  for (let r = 1; r < n; r++) {
    const i = order[r]!;
    const p = order[r - 1]!;
    if (values[p] === values[i] && scores[p] === scores[i] && ids[p] === ids[i]) {
      const id = ids[i]!;
      throw new ValidationError(`Duplicate entry ${JSON.stringify(id)} in a ranking`, [
        {
          path: [Math.max(i, p), 'id'],
          message: `id ${id} appears twice with the same score and value`,
          code: 'duplicate_id',
        },
      ]);
    }
  }
  return order;
}

// Sorts order[lo..hi] (inclusive) with its keys by key descending, then id ascending: a
// quicksort with a median-of-three pivot that hands small segments to insertion sort.
function sortSegment(
  order: Uint32Array,
  keys: Float64Array,
  lo: number,
  hi: number,
  ids: readonly string[],
): void {
  // Whether position a comes before position b.
  const before = (a: number, b: number): boolean => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka > kb || (ka === kb && ids[order[a]!]! < ids[order[b]!]!);
  };
  const swap = (a: number, b: number): void => {
    const o = order[a]!;
    order[a] = order[b]!;
    order[b] = o;
    const k = keys[a]!;
    keys[a] = keys[b]!;
    keys[b] = k;
  };
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // Median of three into position mid, then parked at hi - 1 as the pivot.
    if (before(mid, lo)) swap(mid, lo);
    if (before(hi, lo)) swap(hi, lo);
    if (before(hi, mid)) swap(hi, mid);
    swap(mid, hi - 1);
    const pivot = hi - 1;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (before(++i, pivot));
      while (before(pivot, --j));
      if (i >= j) break;
      swap(i, j);
    }
    swap(i, hi - 1);
    // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
    if (i - lo < hi - i) {
      sortSegment(order, keys, lo, i - 1, ids);
      lo = i + 1;
    } else {
      sortSegment(order, keys, i + 1, hi, ids);
      hi = i - 1;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const o = order[i]!;
    const k = keys[i]!;
    const id = ids[o]!;
    let j = i - 1;
    while (j >= lo && (keys[j]! < k || (keys[j]! === k && ids[order[j]!]! > id))) {
      order[j + 1] = order[j]!;
      keys[j + 1] = keys[j]!;
      j--;
    }
    order[j + 1] = o;
    keys[j + 1] = k;
  }
}
