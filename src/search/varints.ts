/**
 * Lists of small non-negative integers written as base64 of their LEB128 bytes (7 bits a byte, the
 * high bit set while more follow): a saved tier's postings, whose gaps and frequencies are mostly
 * under 128, in one byte each. Parsed as JSON arrays instead, a tier's 600,000 numbers made 5 MB
 * arrays that lived on as garbage until a full collection.
 */

/** `values` (integers from 0 to 2³²−1) as base64 of their LEB128 bytes. */
export function encodeVarints(values: readonly number[]): string {
  const bytes: number[] = [];
  for (const value of values) {
    if (!(Number.isInteger(value) && value >= 0 && value <= 0xffffffff)) throw new RangeError(`varints: ${value} is not an integer from 0 to 2^32-1`);
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  }
  return Buffer.from(bytes).toString('base64');
}

/** The `count` integers written by {@link encodeVarints}; throws when `base64` holds another number of them. */
export function decodeVarints(base64: string, count: number): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const values = new Uint32Array(count);
  let n = 0;
  let value = 0;
  let scale = 1;
  for (const byte of bytes) {
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
      continue;
    }
    if (n >= count || value > 0xffffffff) throw new RangeError(`varints: more than ${count} values, or one beyond 2^32-1`);
    values[n++] = value;
    value = 0;
    scale = 1;
  }
  if (n !== count || scale !== 1) throw new RangeError(`varints: ${n} values where ${count} were expected`);
  return values;
}
