const kept: object[] = [];

/**
 * Keeps `exemplar` alive for the life of the process and returns it. V8 holds the hidden class
 * of an object built by a constructor (and of its frozen variant) only while some object has it,
 * and throws away the optimised code that relies on it when the last one is collected: a
 * program that drops a store and collects its garbage would then pay to optimise the append path
 * again (tens of milliseconds of compiling, and thousands of appends run unoptimised) for the
 * next store. One kept exemplar per shape the store makes in bulk prevents that.
 */
export function keepShape<T extends object>(exemplar: T): T {
  kept.push(exemplar);
  return exemplar;
}
