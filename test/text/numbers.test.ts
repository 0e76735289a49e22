import { describe, expect, it } from 'vitest';
import { digitNumbers, formatValue, numbersIn, statesValue } from '../../src/text/numbers.ts';

describe('numbers as sources write them', () => {
  it('reads thousands separators and plain digits alike', () => {
    expect(digitNumbers('1,938 and 1938 and 97,100')).toEqual([1938, 1938, 97100]);
  });
  it('reads number words', () => {
    expect(statesValue('Only five allegations were referred', 5)).toBe(true);
    expect(statesValue('Four staff have been recruited to help.', 4)).toBe(true);
    expect(statesValue('at least a dozen women', 12)).toBe(true);
  });
  it('does not find a value the text does not state', () => {
    expect(statesValue('1,867 (96 percent) resulted in no action', 1868)).toBe(false);
    expect(numbersIn('no numbers here')).toEqual([]);
  });
  it('reads decimals and does not split them', () => {
    expect(digitNumbers('a fall of 51.9%')).toEqual([51.9]);
  });
  it('prints counts with separators and percentages with a sign', () => {
    expect(formatValue(1938, 'count')).toBe('1,938');
    expect(formatValue(96, 'percent')).toBe('96%');
  });
});
