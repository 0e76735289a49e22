import { describe, expect, it } from 'vitest';
import { editDistance, stem } from '../../src/text/words.ts';

describe('how far a typed word is from a known one', () => {
  it('counts two neighbouring letters swapped as one slip', () => {
    expect(editDistance('cumbira', 'cumbria', 1)).toBe(1);
    expect(editDistance('lancahsire', 'lancashire', 1)).toBe(1);
  });
  it('counts a letter left out, added or changed as one, and stops past the limit', () => {
    expect(editDistance('kemt', 'kent', 2)).toBe(1);
    expect(editDistance('essexx', 'essex', 2)).toBe(1);
    expect(editDistance('dorset', 'durham', 2)).toBe(3);
  });
});

describe('stems', () => {
  it('keeps "informal" apart from "information", which the Porter stemmer folds together', () => {
    expect(stem('informally')).not.toBe(stem('information'));
    expect(stem('informal')).toBe(stem('informally'));
  });
});
