import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints } from '../../src/search/varints.ts';

describe('varints', () => {
  it('reads back what it wrote, small numbers in a byte each', () => {
    const values = [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32 - 1, 5];
    expect([...decodeVarints(encodeVarints(values), values.length)]).toEqual(values);
    expect(Buffer.from(encodeVarints([1, 2, 127]), 'base64')).toHaveLength(3);
    expect([...decodeVarints(encodeVarints([]), 0)]).toEqual([]);
  });

  it('refuses a list of another length, or cut short, and numbers it cannot hold', () => {
    const written = encodeVarints([1, 200, 3]);
    expect(() => decodeVarints(written, 2)).toThrow(/more than 2 values/);
    expect(() => decodeVarints(written, 4)).toThrow(/3 values where 4 were expected/);
    expect(() => decodeVarints(Buffer.from([0x81]).toString('base64'), 1)).toThrow(/0 values where 1/);
    expect(() => encodeVarints([-1])).toThrow(RangeError);
    expect(() => encodeVarints([1.5])).toThrow(RangeError);
  });
});
