const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HALF = 2 ** 40;

/** Encodes the low `length * 5` bits of a non-negative integer as Crockford base 32. */
function encode(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let index = 0; index < length; index++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * Returns a factory of ULIDs that increase strictly, even within one millisecond or when the
 * clock steps back. Unlike the `ulid` package's factory it draws randomness once per
 * millisecond and re-encodes only the changing characters, because the memory store makes one
 * id per appended event and the id would otherwise cost more than the append.
 */
export function monotonicUlidFactory(now: () => number): () => string {
  let lastTime = -1;
  // The 80 random bits as two 40-bit halves, so that both stay exact in a double.
  let high = 0;
  let low = 0;
  let prefix = '';
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
    prefix = encode(time, 10) + encode(high, 8);
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
        prefix = encode(lastTime, 10) + encode(high, 8);
      }
    }
    return prefix + encode(low, 8);
  };
}
