import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/model/data.ts';
import { readPassageIndexFile, writePassageIndexFile } from '../../src/search/index-file.ts';
import MiniSearch from 'minisearch';
import { FIRST_TIER_PASSAGES, PASSAGE_INDEX_OPTIONS, PassageIndex, passagesOf, type PassageHit } from '../../src/search/passages.ts';

/** A document of `paragraphs`, of the given kind. */
function doc(id: string, paragraphs: string[], kind: SourceDocument['kind'] = 'news article'): SourceDocument {
  return {
    id,
    title: id,
    titleFrom: 'description',
    publisher: 'Test',
    url: `https://example.org/${id}`,
    published: '2023-01-01',
    dateInferred: false,
    kind,
    sourceType: 'news report of official statistics',
    origin: 'test',
    forces: ['hampshire'],
    text: paragraphs.join('\n\n'),
  };
}

/** Enough filler articles to fill the first tier and start a second. */
function filler(count: number, paragraph = (i: number) => `Officers in town ${i} answered complaints about conduct.`): SourceDocument[] {
  return Array.from({ length: count }, (_, i) => doc(`filler-${i}`, [paragraph(i)]));
}

const ids = (hits: PassageHit[]) => hits.map((h) => h.passage.docId);

describe('a passage search over a large corpus', () => {
  // One passage per filler document: the first tier holds FIRST_TIER_PASSAGES of them, the next twice as many.
  const early = doc('early-explainer', ['A conduct matter is when an officer may have committed a criminal offence.']);
  const suitable = doc('early-suitable', ['Suitable candidates may apply to join the force.']);
  const late = doc('late-explainer', ['Vetting reviews check whether an officer remains suitable to serve.']);
  // Past the first tier, short passages that one index would rank above everything before them.
  const dense = Array.from({ length: 100 }, (_, i) => doc(`dense-${i}`, [`Conduct matter figures ${i}.`]));
  const documents = [early, suitable, ...filler(FIRST_TIER_PASSAGES), ...dense, late];
  const index = new PassageIndex(documents);
  // One passage a document: the first tier is the first FIRST_TIER_PASSAGES documents.
  const firstTier = new Set(documents.slice(0, FIRST_TIER_PASSAGES).map((d) => d.id));

  it('answers from the first part of the data when it holds enough, without reading what follows', () => {
    const found = index.search('answered complaints', 30);
    expect(found.hits).toHaveLength(30);
    expect(ids(found.hits).every((id) => id.startsWith('filler-'))).toBe(true);
    expect(found.capped).toBe(false);
  });

  it('ranks by a rarer word before one held by nearly every passage, following it into later parts', () => {
    const hits = ids(index.find('conduct matter', 30, { minTerms: 1 }));
    expect(hits[0]).toBe('early-explainer');
    // Every hit holds "matter": the fillers, which hold only "conduct", do not crowd them out.
    expect(hits.filter((id) => id.startsWith('filler-'))).toEqual([]);
    expect(hits.filter((id) => id.startsWith('dense-')).length).toBeGreaterThan(0);
  });

  it('stops once its budget is spent, and says so, rather than read the whole corpus for a common word', () => {
    const never = () => false;
    const bounded = index.search('conduct', 5, { minTerms: 1, enough: never });
    expect(bounded.capped).toBe(true);
    expect(ids(bounded.hits).every((id) => firstTier.has(id))).toBe(true);
    const unbounded = index.search('conduct', 5, { minTerms: 1, enough: never, budget: 100_000 });
    expect(unbounded.capped).toBe(false);
    expect(ids(unbounded.hits).filter((id) => id.startsWith('dense-'))).toHaveLength(5);
  });

  it('counts a misspelt word’s matches against the budget, as it counts the word it matches', () => {
    // "conduc" is held by no passage; as a typo and a prefix it matches "conduct", held by nearly all
    // of the first tier, which spends this budget before the second is read.
    const found = index.search('conduc', 5, { minTerms: 1, enough: () => false, budget: 1_000 });
    expect(found.capped).toBe(true);
    expect(found.hits).toHaveLength(5);
    expect(ids(found.hits).every((id) => firstTier.has(id))).toBe(true);
  });

  it('reads later parts when the first has too few hits, so nothing held is missed', () => {
    expect(ids(index.find('vetting reviews', 5))).toEqual(['late-explainer']);
  });

  it('keeps reading while the caller has not found what it needs', () => {
    const wanted = (hits: readonly PassageHit[]) => hits.some((h) => h.passage.docId === 'late-explainer');
    expect(ids(index.find('suitable officer', 1))).toEqual(['early-suitable']);
    expect(ids(index.find('suitable officer', 1, { enough: wanted }))).toEqual(['early-suitable', 'late-explainer']);
  });

  it('is saved and loaded tier by tier, finding what the built index finds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forcewatch-tiers-'));
    try {
      const file = join(dir, 'passage-index.json');
      writePassageIndexFile(file, index, documents, 'hand-made documents');
      const read = readPassageIndexFile(file, documents, 'hand-made documents');
      if (!read.ok) throw new Error(read.reason);
      for (const query of ['conduct matter', 'vetting reviews', 'officer suitable', 'conduc', 'answered complaints'])
        expect(read.index.find(query, 30, { minTerms: 1 })).toEqual(index.find(query, 30, { minTerms: 1 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the same while its later tiers are still being built, and after', async () => {
    const queries = ['conduct matter', 'vetting reviews', 'officer suitable'];
    const fresh = new PassageIndex(documents);
    const completing = fresh.complete();
    // Searched before the background work has run: the search finishes the tiers it reaches itself.
    expect(queries.map((q) => fresh.find(q, 30, { minTerms: 1 }))).toEqual(queries.map((q) => index.find(q, 30, { minTerms: 1 })));
    await completing;
    const later = new PassageIndex(documents);
    await later.complete();
    expect(queries.map((q) => later.find(q, 30, { minTerms: 1 }))).toEqual(queries.map((q) => index.find(q, 30, { minTerms: 1 })));
  });

  it('finishes its later tiers in the background while the process is otherwise idle', () => {
    // An idle server's event loop sleeps until its next timer: the background work must wake it
    // itself. Run in a process of its own, idle but for a five-second timer.
    const script = `
      import { PassageIndex, FIRST_TIER_PASSAGES } from ${JSON.stringify(new URL('../../src/search/passages.ts', import.meta.url).href)};
      const docs = Array.from({ length: FIRST_TIER_PASSAGES + 1_000 }, (_, i) => ({ id: 'doc-' + i, kind: 'news article', text: 'Officers in town ' + i + ' answered complaints.' }));
      const hold = setInterval(() => {}, 5_000);
      const started = performance.now();
      await new PassageIndex(docs).complete();
      clearInterval(hold);
      process.stdout.write(String(Math.round(performance.now() - started)));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    // Several turns of background work: seconds each if every turn waited for the timer.
    expect(Number(run.stdout)).toBeLessThan(4_000);
  }, 60_000);

  it('with minCoverage, finds a close passage past tiers holding too few of the words, as a caller keeping only close passages would', () => {
    // Every first-tier passage holds "officer" alone (a third of the words); only the late explainer holds all three.
    const close = (h: PassageHit) => h.coverage >= 0.6;
    const enough = (hits: readonly PassageHit[]) => hits.some(close);
    const kept = index.find('vetting reviews officer', 5, { minCoverage: 0.6, enough });
    expect(ids(kept)).toEqual(['late-explainer']);
    expect(kept).toEqual(index.find('vetting reviews officer', 5, { enough }).filter(close));
    // No tier holds three of the five words: none is read.
    expect(index.search('officer vetting dismissed custody sergeant', 5, { minCoverage: 0.6, enough })).toEqual({
      hits: [],
      capped: false,
      read: { tiers: 0, scored: 0 },
    });
  });

  it('with allWords, finds only passages holding every word', () => {
    const hits = index.find('conduct criminal offence', 30, { allWords: true });
    expect(ids(hits)).toEqual(['early-explainer']);
  });

  it('leaves out passages holding a word it is told to avoid', () => {
    const hits = ids(index.find('conduct', 30, { minTerms: 1, allWords: true, without: 'complaints' }));
    expect(hits).toContain('early-explainer');
    // The filler articles all mention complaints.
    expect(hits.filter((id) => id.startsWith('filler-'))).toEqual([]);
  });
});

describe('a corpus its budget covers', () => {
  const documents = [
    doc('hearing', ['Two officers faced misconduct hearings after the complaint.', 'A spokesperson for the IOPC said the hearings were public.']),
    doc('vetting', ['Vetting checks found three officers unsuitable.', 'The force said vetting was being reviewed.']),
    doc('custody', ['A custody sergeant was dismissed for gross misconduct.']),
    doc('figures', ['Complaints against officers rose, figures show.', 'Misconduct allegations fell by a tenth.']),
  ];
  const index = new PassageIndex(documents);
  const one = new MiniSearch(PASSAGE_INDEX_OPTIONS);
  one.addAll(documents.flatMap(passagesOf));

  it('finds the same again within one turn with another filter or limit, as a fresh search would', () => {
    const query = 'officers misconduct hearings';
    const fresh = (filter: (docId: string) => boolean, limit: number) => {
      const alone = new PassageIndex(documents);
      return alone.find(query, limit, { minTerms: 1, docFilter: filter }).map((h) => [h.passage.id, h.score, h.coverage]);
    };
    const all = () => true;
    const figuresOnly = (docId: string) => docId === 'figures';
    // Asked in one turn of the event loop, the second and third reuse the first's results.
    const asked = [
      index.find(query, 10, { minTerms: 1, docFilter: all }),
      index.find(query, 10, { minTerms: 1, docFilter: figuresOnly }),
      index.find(query, 2, { minTerms: 1, docFilter: all }),
    ].map((hits) => hits.map((h) => [h.passage.id, h.score, h.coverage]));
    expect(asked).toEqual([fresh(all, 10), fresh(figuresOnly, 10), fresh(all, 2)]);
    expect(asked[1]?.length).toBeGreaterThan(0);
  });

  it('ranks exactly as one minisearch index of the same passages', () => {
    for (const query of ['officers misconduct', 'what did the IOPC spokesperson say', 'vetting reviewed', 'misconduc hearing', 'dismissed custody sergeant'])
      expect(index.find(query, 10, { minTerms: 1 }).map((h) => [h.passage.id, h.score])).toEqual(
        one
          .search(query)
          .slice(0, 10)
          .map((r) => [r.id, r.score]),
      );
  });
});

describe('search scopes', () => {
  const recommendation = doc('rec-custody', ['The force should review custody conduct training.'], 'recommendation');
  const article = doc('article-custody', ['Custody conduct was criticised by inspectors.']);
  const index = new PassageIndex([recommendation, article]);

  it('keeps recommendations out of every other search, and searches only them when asked', () => {
    expect(ids(index.find('custody conduct', 5))).toEqual(['article-custody']);
    expect(ids(index.find('custody conduct', 5, { scope: 'recommendations' }))).toEqual(['rec-custody']);
  });
});
