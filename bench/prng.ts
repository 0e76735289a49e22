/**
 * Seeded pseudo-random numbers for the generated corpora: sfc32 seeded through a string hash, so
 * the same seed gives the same corpus on every machine and Node version (Math.random cannot be seeded).
 */

/** 32-bit FNV-1a hash of a string: used to derive independent streams and stable per-key values. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A deterministic generator of numbers in [0, 1), with helpers for picking. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.a = hash32(`${seed}:a`);
    this.b = hash32(`${seed}:b`);
    this.c = hash32(`${seed}:c`);
    this.d = hash32(`${seed}:d`);
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** sfc32 (Chris Doty-Humphrey's small fast counting generator): fast, and good enough for test data. */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('bench: pick from an empty list');
    return item;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A stable number in [0, 1) for a key: the same key gives the same number whatever order keys are asked in. */
export function unitFor(seed: string, key: string): number {
  return new Prng(`${seed}|${key}`).next();
}
