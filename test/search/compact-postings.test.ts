import MiniSearch, { type SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compactPostings } from '../../src/search/compact-postings.ts';
import { PASSAGE_INDEX_OPTIONS, type Passage } from '../../src/search/passages.ts';
import { loadTier, SavedTier, saveTier } from '../../src/search/saved-tier.ts';

const TEXTS = [
  'The officer was dismissed after a misconduct hearing found gross misconduct.',
  'Complaints about police officers rose; complaint allegations rose faster.',
  'A recordable conduct matter is referred to the IOPC.',
  'The IOPC investigated the officer and the officer was sacked.',
  'Misconduct meetings, misconduct hearings and reflective practice.',
  'Allegations of discriminatory behaviour were recorded against officers in Hampshire.',
  'The watchdog said reflective practice is not a sanction.',
  'Officers, officers, officers: the same word many times over in one passage about officers.',
];

const passages: Passage[] = TEXTS.map((text, index) => ({ id: `doc-${index % 3}#${index}`, docId: `doc-${index % 3}`, index, text }));

function built(): MiniSearch<Passage> {
  const index = new MiniSearch(PASSAGE_INDEX_OPTIONS);
  index.addAll(passages);
  return index;
}

/** Searches that reach exact, prefix and typo matches, and every way of combining terms. */
const SEARCHES: Array<[string, SearchOptions?]> = [
  ['officer misconduct'],
  ['misconduc hearing'],
  ['offcer dismisal', { fuzzy: 0.3 }],
  ['reflective practice', { combineWith: 'AND' }],
  ['IOPC officer', { combineWith: 'AND' }],
  ['officers complaints allegations'],
  ['watchdog sacked'],
  ['nothing held here'],
];

function results(index: MiniSearch<Passage>) {
  return SEARCHES.map(([query, options]) => index.search(query, options));
}

describe('a tier with compact postings', () => {
  it('finds the same passages, scores, terms and matches, in the same order, as minisearch’s own maps', () => {
    const compact = built();
    compactPostings(compact);
    expect(results(compact)).toEqual(results(built()));
    expect(results(compact).flat().length).toBeGreaterThan(10);
    expect(compact.search({ combineWith: 'AND_NOT', queries: ['officer', 'dismissed'] })).toEqual(
      built().search({ combineWith: 'AND_NOT', queries: ['officer', 'dismissed'] }),
    );
  });

  it('finds the same when a typo is asked again, its expansions remembered', () => {
    const compact = built();
    compactPostings(compact);
    const first = results(compact);
    expect(results(compact)).toEqual(first);
    expect(first).toEqual(results(built()));
    // minisearch deletes a prefix match from the typo matches it is given: a search of the same word
    // without prefixes must still see it.
    const typoOnly = (index: MiniSearch<Passage>) => index.search('misconduc', { prefix: false });
    expect(typoOnly(compact)).toEqual(typoOnly(built()));
    expect(typoOnly(compact).length).toBeGreaterThan(0);
  });

  it('serialises exactly as before it was compacted', () => {
    const compact = built();
    compactPostings(compact);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(built()));
    expect(compact.has('doc-1#4')).toBe(true);
    expect(compact.has('doc-9#9')).toBe(false);
  });

  it('searches the same once saved, written as JSON and loaded again, with each term’s count of passages', () => {
    const saved = JSON.parse(JSON.stringify(saveTier(built()))) as unknown;
    const loaded = loadTier(SavedTier.parse(saved), PASSAGE_INDEX_OPTIONS);
    expect(results(loaded.index)).toEqual(results(built()));
    expect(loaded.index.documentCount).toBe(passages.length);
    expect(loaded.counts.get('offic')).toBe(TEXTS.filter((t) => /officer/i.test(t)).length);
    // Terms go back in the order minisearch's own loader puts them (its tree of terms may iterate
    // them in another order than the index they were saved from; ties are broken by it).
    const ownLoad = MiniSearch.loadJSON<Passage>(JSON.stringify(built()), PASSAGE_INDEX_OPTIONS);
    expect(saveTier(loaded.index)).toEqual(saveTier(ownLoad));
    expect(results(loaded.index)).toEqual(results(ownLoad));
  });

  it('refuses to save an index of more than one field', () => {
    const twoFields = new MiniSearch({ fields: ['title', 'text'] });
    twoFields.add({ id: 1, title: 'a title', text: 'a text' });
    expect(() => saveTier(twoFields)).toThrow(/2 fields, not one/);
  });
});
