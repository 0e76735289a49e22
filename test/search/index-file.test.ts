import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/dataset.ts';
import { datasetFingerprint } from '../../src/data/snapshot.ts';
import { BUNDLED_DATA_DIR, loadEngine } from '../../src/engine.ts';
import { createLogger } from '../../src/log.ts';
import { loadOrBuildPassageIndex, readPassageIndexFile, writePassageIndexFile } from '../../src/search/index-file.ts';
import { PassageIndex, scopeOf } from '../../src/search/passages.ts';

const dir = mkdtempSync(join(tmpdir(), 'forcewatch-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { documents } = loadDataset(BUNDLED_DATA_DIR);
const fingerprint = datasetFingerprint(BUNDLED_DATA_DIR);
const built = new PassageIndex(documents);
const file = join(dir, 'passage-index.json');
writePassageIndexFile(file, built, documents, fingerprint);

/** Log lines written while `run` runs, parsed as JSON. */
function logged(run: (logger: ReturnType<typeof createLogger>) => void): Array<Record<string, unknown>> {
  const lines: string[] = [];
  run(createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }));
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the saved passage index', () => {
  it('finds the same passages, with the same scores, as the index built from the documents', () => {
    const read = readPassageIndexFile(file, documents, fingerprint);
    if (!read.ok) throw new Error(read.reason);
    for (const query of ['recordable conduct matter', 'what did the NPCC say', 'Hants sacked officers', 'reflective practice']) {
      const ids = (index: PassageIndex) => index.find(query, 10, { minTerms: 1 }).map((h) => [h.passage.id, h.score, h.coverage]);
      expect(ids(read.index)).toEqual(ids(built));
    }
    expect(read.index.passages('hemel-today-hertfordshire-no-action')).toEqual(built.passages('hemel-today-hertfordshire-no-action'));
  });

  it('is refused when the data have changed since it was built, or other documents are given', () => {
    const changed = datasetFingerprint(join(BUNDLED_DATA_DIR, 'sources'));
    expect(readPassageIndexFile(file, documents, changed)).toEqual({ ok: false, reason: expect.stringContaining('stale') });
    expect(readPassageIndexFile(file, documents.slice(1), fingerprint)).toEqual({ ok: false, reason: expect.stringContaining('stale') });
  });

  it('is refused when its body was edited under an intact header', () => {
    const edited = join(dir, 'edited.json');
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    writeFileSync(edited, `${text.slice(0, newline + 1)}${text.slice(newline + 1).replace('misconduct', 'misconduKt')}`);
    expect(readPassageIndexFile(edited, documents, fingerprint)).toEqual({ ok: false, reason: expect.stringContaining('altered since it was saved') });
  });

  it('is refused when it is not an index file', () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": "world"}\n{}');
    expect(readPassageIndexFile(junk, documents, fingerprint)).toEqual({ ok: false, reason: expect.stringContaining('not a passage index file') });
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(file, 'utf8').slice(0, 2_000));
    expect(readPassageIndexFile(truncated, documents, fingerprint)).toEqual({ ok: false, reason: expect.stringContaining('altered since it was saved') });
  });

  it('is built instead, with a warning naming the file and why, when it cannot be used', () => {
    const missing = join(dir, 'missing.json');
    let index: PassageIndex | undefined;
    const lines = logged((logger) => {
      index = loadOrBuildPassageIndex(documents, missing, fingerprint, logger);
    });
    expect(index?.find('recordable conduct matter', 3, { minTerms: 1 }).length).toBeGreaterThan(0);
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, indexFile: missing, reason: 'no such file' }));
  });

  it('serves an engine started with indexFile, which answers exactly as one that built its index', () => {
    let fromFile: ReturnType<typeof loadEngine> | undefined;
    const lines = logged((logger) => {
      fromFile = loadEngine({ indexFile: file, logger });
    });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'passage index loaded from file', indexFile: file }));
    const plain = loadEngine();
    for (const question of [
      'What is a recordable conduct matter?',
      'What did the NPCC say?',
      'How many misconduct allegations were made against Hampshire police in 2021-22?',
    ])
      expect(fromFile?.answer(question)).toEqual(plain.answer(question));
  });
});

describe('the saved passage index, read tier by tier', () => {
  // The bundled news reports twenty times over, under other ids: enough passages for three tiers.
  const reports = documents.filter((d) => scopeOf(d) === 'reporting');
  const many = Array.from({ length: 20 }, (_, copy) => reports.map((d) => ({ ...d, id: `${d.id}-${copy}` }))).flat();
  const tiered = new PassageIndex(many);

  it('reads its later tiers from the file it opened, even once another file is saved in its place', async () => {
    expect(tiered.toJSON().reporting.length).toBeGreaterThan(2);
    const own = join(dir, 'replaced.json');
    writePassageIndexFile(own, tiered, many, 'twenty copies');
    const read = readPassageIndexFile(own, many, 'twenty copies');
    if (!read.ok) throw new Error(read.reason);
    // index:build saves a new file beside the old and renames it into place.
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"not": "an index"}\n');
    renameSync(other, own);
    await read.index.complete();
    const hits = (index: PassageIndex) => index.find('officers dismissed after gross misconduct hearings', 20, { minTerms: 1, enough: () => false });
    expect(hits(read.index).map((h) => [h.passage.id, h.score])).toEqual(hits(tiered).map((h) => [h.passage.id, h.score]));
  });
});
