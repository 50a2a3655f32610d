const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = Array.from(ALPHABET, (char) => char.charCodeAt(0));
const HALF = 2 ** 40;

/** Writes the low `length * 5` bits of a non-negative integer as Crockford base-32 char codes. */
function encodeInto(codes: number[], offset: number, value: number, length: number): void {
  let rest = value;
  for (let index = offset + length - 1; index >= offset; index--) {
    codes[index] = CODES[rest % 32] as number;
    rest = Math.floor(rest / 32);
  }
}

/**
 * Returns a factory of ULIDs that increase strictly, even within one millisecond or when the
 * clock steps back. Unlike the `ulid` package's factory it draws randomness once per
 * millisecond and builds each id as one flat string from char codes, because the memory store
 * makes one id per appended event and keeps it: the id would otherwise cost more than the
 * append.
 */
export function monotonicUlidFactory(now: () => number): () => string {
  let lastTime = -1;
  // The 80 random bits as two 40-bit halves, so that both stay exact in a double.
  let high = 0;
  let low = 0;
  const codes = new Array<number>(26).fill(0);
  const bytes = new Uint8Array(10);

  const reseed = (time: number) => {
    globalThis.crypto.getRandomValues(bytes);
    high = 0;
    low = 0;
    for (let index = 0; index < 5; index++) {
      high = high * 256 + (bytes[index] ?? 0);
      low = low * 256 + (bytes[index + 5] ?? 0);
    }
    lastTime = time;
    encodeInto(codes, 0, time, 10);
    encodeInto(codes, 10, high, 8);
  };

  return () => {
    const time = now();
    if (time > lastTime) {
      reseed(time);
    } else if (++low === HALF) {
      low = 0;
      if (++high === HALF) {
        // 2^80 ids in one millisecond cannot happen; moving to the next millisecond keeps order.
        reseed(lastTime + 1);
      } else {
        encodeInto(codes, 10, high, 8);
      }
    }
    encodeInto(codes, 18, low, 8);
    return String.fromCharCode(...codes);
  };
}
