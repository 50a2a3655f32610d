import { keepShape } from './keepShape.js';

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
 * Makes ULIDs that increase strictly, even within one millisecond or when the clock steps back.
 * Unlike the `ulid` package's factory it draws randomness once per millisecond and builds each
 * id as one flat string from char codes, because the memory store makes one id per appended
 * event and keeps it: the id would otherwise cost more than the append. A class rather than a
 * closure, so that its optimised code outlives the store that made it.
 */
export class MonotonicUlids {
  private lastTime = -1;
  // The 80 random bits as two 40-bit halves, so that both stay exact in a double.
  private high = 0;
  private low = 0;
  private readonly codes = new Array<number>(26).fill(0);
  private readonly bytes = new Uint8Array(10);

  constructor(private readonly now: () => number) {}

  /** The next id: greater than every id this instance made before. */
  next(): string {
    const time = this.now();
    if (time > this.lastTime) {
      this.reseed(time);
    } else if (++this.low === HALF) {
      this.low = 0;
      if (++this.high === HALF) {
        // 2^80 ids in one millisecond cannot happen; moving to the next millisecond keeps order.
        this.reseed(this.lastTime + 1);
      } else {
        encodeInto(this.codes, 10, this.high, 8);
      }
    }
    encodeInto(this.codes, 18, this.low, 8);
    return String.fromCharCode.apply(null, this.codes);
  }

  private reseed(time: number): void {
    const { bytes } = this;
    globalThis.crypto.getRandomValues(bytes);
    let high = 0;
    let low = 0;
    for (let index = 0; index < 5; index++) {
      high = high * 256 + (bytes[index] ?? 0);
      low = low * 256 + (bytes[index + 5] ?? 0);
    }
    this.high = high;
    this.low = low;
    this.lastTime = time;
    encodeInto(this.codes, 0, time, 10);
    encodeInto(this.codes, 10, high, 8);
  }
}

// Used once, so that the kept exemplar holds the class's final shape: its numbers outgrow small
// integers on the first id, which gives instances a new hidden class.
keepShape(new MonotonicUlids(Date.now)).next();
