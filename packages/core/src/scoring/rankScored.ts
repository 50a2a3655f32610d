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
 * The ranking order of columns: `order[r]` is the index of the entry ranked `r + 1`.
 *
 * The fast path (whole scores 0-100, values whole and non-negative, and
 * `(largest value + 1) x n <= 2^53`, which holds for 100,000 opportunities up to about 900
 * million major units each): pack each entry into one double, `(largest - value) x n + index`,
 * exact in floating point, and let the engine's numeric sort order them by value; a stable
 * counting sort by score follows, and runs of equal score and value are put in id order. No
 * comparator call per comparison, which is most of the cost of ranking 100,000 opportunities.
 * Otherwise a comparator sort gives the same order, more slowly.
 *
 * @throws {ValidationError} when two entries have the same score, value and id.
 */
export function rankOrder(
  scores: ArrayLike<number>,
  values: Float64Array,
  ids: readonly string[],
): Uint32Array {
  const n = ids.length;
  let packable = true;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    const v = values[i]!;
    if (!(s >= 0 && s <= 100 && Math.floor(s) === s && v >= 0 && Math.floor(v) === v)) {
      packable = false;
      break;
    }
    if (v > largest) largest = v;
  }
  if (!packable || (largest + 1) * n > EXACT) return rankOrderByComparator(scores, values, ids);

  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (largest - values[i]!) * n + i;
  packed.sort();
  // Stable counting sort by score, highest first: bucket k holds score 100 - k.
  const next = new Int32Array(102);
  for (let i = 0; i < n; i++) next[101 - scores[i]!]! += 1;
  for (let k = 1; k < 102; k++) next[k]! += next[k - 1]!;
  const order = new Uint32Array(n);
  // The packed value of each position, to find ties without reading `values` out of order.
  const rest = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const key = packed[t]!;
    const q = Math.floor(key / n);
    const i = key - q * n;
    const at = next[100 - scores[i]!]!++;
    order[at] = i;
    rest[at] = q;
  }
  // Equal score and value came out in input order; the tie-break is the id.
  for (let r = 1; r < n; r++) {
    if (rest[r] !== rest[r - 1] || scores[order[r]!] !== scores[order[r - 1]!]) continue;
    let end = r;
    while (
      end + 1 < n &&
      rest[end + 1] === rest[r] &&
      scores[order[end + 1]!] === scores[order[r]!]
    ) {
      end++;
    }
    sortRunById(order, r - 1, end, ids);
    r = end;
  }
  return order;
}

const EXACT = 2 ** 53;

// Sorts order[lo..hi] (entries of equal score and value) by id, rejecting equal ids. Runs are
// usually a pair; round values can make them long, where insertion sort would be quadratic.
function sortRunById(order: Uint32Array, lo: number, hi: number, ids: readonly string[]): void {
  if (hi - lo > 16) {
    const run = Array.from(order.subarray(lo, hi + 1)).sort((a, b) =>
      ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
    );
    order.set(run, lo);
  }
  for (let r = lo + 1; r <= hi; r++) {
    const o = order[r]!;
    const id = ids[o]!;
    let j = r - 1;
    while (j >= lo && ids[order[j]!]! > id) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
  for (let r = lo + 1; r <= hi; r++) {
    if (ids[order[r]!] === ids[order[r - 1]!]) throw duplicate(ids, order[r - 1]!, order[r]!);
  }
}

function rankOrderByComparator(
  scores: ArrayLike<number>,
  values: Float64Array,
  ids: readonly string[],
): Uint32Array {
  const byKey = (a: number, b: number) =>
    scores[b]! - scores[a]! ||
    values[b]! - values[a]! ||
    (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  const order = Uint32Array.from(Array.from({ length: ids.length }, (_, i) => i).sort(byKey));
  for (let r = 1; r < order.length; r++) {
    const i = order[r]!;
    const p = order[r - 1]!;
    if (values[p] === values[i] && scores[p] === scores[i] && ids[p] === ids[i]) {
      throw duplicate(ids, p, i);
    }
  }
  return order;
}

function duplicate(ids: readonly string[], a: number, b: number): ValidationError {
  const id = ids[b]!;
  return new ValidationError(`Duplicate entry ${JSON.stringify(id)} in a ranking`, [
    {
      path: [Math.max(a, b), 'id'],
      message: `id ${id} appears twice with the same score and value`,
      code: 'duplicate_id',
    },
  ]);
}
