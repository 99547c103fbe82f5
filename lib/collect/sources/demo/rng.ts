// Seeded randomness for the demo source. Every consumer derives its own stream from
// (seed, label), so adding a draw in one place does not reshuffle everything generated after
// it, and an account's data depends only on the seed and that account — not on how many
// other accounts were generated before it.
//
// Only integer ops and +-*/ are used on the hot paths (no Math.random, no Box–Muller), so a
// given seed yields the same numbers on every platform.

/** FNV-1a with a murmur3 finalizer, so nearby labels ("cost:1", "cost:2") diverge. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = "0123456789abcdef";
const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
const UPPER_ALNUM = "234567ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** mulberry32: one 32-bit word of state, plenty for fake data. */
export class Rng {
  private state: number;

  constructor(seed: number, label: string) {
    this.state = hash32(`${seed}|${label}`);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Approximately standard normal (Irwin–Hall of 4 uniforms): bounded at ±3.46, cheap. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508075688772;
  }

  /** Log-uniform in [lo, hi): sizes of things spread over orders of magnitude. */
  logUniform(lo: number, hi: number): number {
    return lo * Math.pow(hi / lo, this.next());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("cannot pick from an empty list");
    return item;
  }

  /** Fisher–Yates into a new array. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i];
      const b = out[j];
      if (a === undefined || b === undefined) continue;
      out[i] = b;
      out[j] = a;
    }
    return out;
  }

  private chars(alphabet: string, length: number): string {
    let s = "";
    for (let i = 0; i < length; i++)
      s += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return s;
  }

  hex(length: number): string {
    return this.chars(HEX, length);
  }

  alnum(length: number): string {
    return this.chars(ALNUM, length);
  }

  /** The alphabet of AWS access key ids after the AKIA/ASIA prefix. */
  keyChars(length: number): string {
    return this.chars(UPPER_ALNUM, length);
  }
}
