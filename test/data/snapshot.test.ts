import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { savedFileOptions, savedFilePaths } from '../../adapters/shared/saved-files.ts';
import { DataError, loadDataset } from '../../src/data/dataset.ts';
import { SETTLED_MS } from '../../src/data/data-fingerprint.ts';
import { readDatasetSnapshot, writeDatasetSnapshot } from '../../src/data/snapshot.ts';
import { BUNDLED_DATA_DIR, loadEngine, type Engine } from '../../src/engine.ts';
import { createLogger } from '../../src/log.ts';

const scratch = mkdtempSync(join(tmpdir(), 'forcewatch-snapshot-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;

/** A copy of the bundled data with its snapshot saved beside it. */
function dataWithSnapshot(): { dir: string; snapshotFile: string } {
  const dir = join(scratch, `data-${copies++}`);
  cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
  const snapshotFile = join(dir, 'dataset-snapshot.json');
  writeDatasetSnapshot(dir, snapshotFile);
  return { dir, snapshotFile };
}

/** Log lines written while `run` runs, parsed as JSON. */
function logged<T>(run: (logger: ReturnType<typeof createLogger>) => T): { result: T; lines: Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const result = run(createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }));
  return { result, lines: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const QUESTIONS = [
  'How many allegations did Hampshire face in 2021-22?',
  'How many conduct matters did Herts have in 2021-22?',
  'Which force had the most complaint cases logged in 2024-25?',
  'What did the IOPC say?',
  'What sources do you have?',
];
const answersOf = (engine: Engine) => [...QUESTIONS.map((q) => engine.answer(q)), engine.forceCard('Kent'), engine.sources()];

const { dir, snapshotFile } = dataWithSnapshot();

describe('the dataset snapshot', () => {
  it('gives an engine that answers exactly as one that validated the data, without validating', () => {
    const { result: fromSnapshot, lines } = logged((logger) => loadEngine({ dataDir: dir, snapshotFile, logger }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'dataset loaded from snapshot', snapshotFile }));
    expect(answersOf(fromSnapshot)).toEqual(answersOf(loadEngine({ dataDir: dir })));
  });

  it('holds the same documents and figures as the validated data', () => {
    const read = readDatasetSnapshot(snapshotFile, dir);
    if (!read.ok) throw new Error(read.reason);
    expect(read.dataset).toEqual(loadDataset(dir));
  });

  it('is refused once any data file has changed, and the changed data is validated instead', () => {
    const other = dataWithSnapshot();
    const figures = join(other.dir, 'figures.jsonl');
    const [first, ...rest] = readFileSync(figures, 'utf8').split('\n');
    const figure = JSON.parse(first as string) as Record<string, unknown>;
    writeFileSync(figures, [JSON.stringify({ ...figure, value: 123456, stated: undefined }), ...rest].join('\n'));
    expect(readDatasetSnapshot(other.snapshotFile, other.dir)).toEqual({ ok: false, reason: expect.stringContaining('stale') });
    // The snapshot of the good data never hides that the data is now invalid.
    let thrown: unknown;
    const { lines } = logged((logger) => {
      try {
        loadEngine({ dataDir: other.dir, snapshotFile: other.snapshotFile, logger });
      } catch (error) {
        thrown = error;
      }
    });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringContaining('snapshot not used'), reason: expect.stringContaining('stale') }),
    );
    expect(thrown).toBeInstanceOf(DataError);
    expect((thrown as DataError).message).toContain('does not state the value 123456');
  });

  it('is refused when made from other data, or when it is not a snapshot at all, and the engine still starts', () => {
    const other = dataWithSnapshot();
    const source = join(other.dir, 'sources', readdirSync(join(other.dir, 'sources'))[0] as string);
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n\nA paragraph added later.`);
    expect(readDatasetSnapshot(snapshotFile, other.dir)).toEqual({ ok: false, reason: expect.stringContaining('stale') });

    const junk = join(scratch, 'junk.json');
    writeFileSync(junk, '{"format":"something-else"}\n[]');
    expect(readDatasetSnapshot(junk, dir)).toEqual({ ok: false, reason: expect.stringContaining('not a dataset snapshot') });
    const truncated = join(scratch, 'truncated.json');
    const text = readFileSync(snapshotFile, 'utf8');
    writeFileSync(truncated, text.slice(0, text.length / 2));
    expect(readDatasetSnapshot(truncated, dir)).toEqual({ ok: false, reason: expect.stringContaining('altered since it was saved') });
    const { result: engine, lines } = logged((logger) => loadEngine({ dataDir: dir, snapshotFile: truncated, logger }));
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, snapshotFile: truncated }));
    expect(engine.answer(QUESTIONS[0] as string).text).toContain('1,938');
  });
});

describe('the data files, checked by their status', () => {
  afterEach(() => vi.useRealTimers());

  /** Runs `run` with the clock `offset` ms from now. */
  function at<T>(offset: number, run: () => T): T {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + offset });
    try {
      return run();
    } finally {
      vi.useRealTimers();
    }
  }
  /** As if the files had been left alone for longer than SETTLED_MS. */
  const later = <T>(run: () => T): T => at(2 * SETTLED_MS, run);

  it('are not hashed when they are as they were when the snapshot was made', () => {
    const settled = later(() => dataWithSnapshot());
    const read = later(() => readDatasetSnapshot(settled.snapshotFile, settled.dir));
    expect(read).toMatchObject({ ok: true, checkedBy: 'status' });
    if (read.ok) expect(read.dataset).toEqual(loadDataset(settled.dir));
  });

  it('are hashed when they had just changed as the snapshot was made, which then still serves them', () => {
    const fresh = at(-2 * SETTLED_MS, () => dataWithSnapshot());
    expect(later(() => readDatasetSnapshot(fresh.snapshotFile, fresh.dir))).toMatchObject({ ok: true, checkedBy: 'bytes' });
  });

  it('refuse the snapshot after an edit that keeps a file’s length and its modification time', () => {
    const settled = later(() => dataWithSnapshot());
    const source = join(settled.dir, 'sources', readdirSync(join(settled.dir, 'sources'))[0] as string);
    const { atime, mtime } = statSync(source);
    const text = readFileSync(source, 'utf8');
    writeFileSync(
      source,
      text.replace(/[0-9]/, (digit) => String((Number(digit) + 1) % 10)),
    );
    utimesSync(source, atime, mtime);
    expect(readFileSync(source, 'utf8')).not.toBe(text);
    expect(later(() => readDatasetSnapshot(settled.snapshotFile, settled.dir))).toEqual({ ok: false, reason: expect.stringContaining('stale') });
  });
});

describe('a snapshot edited after it was saved', () => {
  it('is ignored with a warning when its body was changed under an intact header, and the quoted figure is answered', () => {
    const other = dataWithSnapshot();
    const text = readFileSync(other.snapshotFile, 'utf8');
    expect(text).toContain('"value":1972');
    writeFileSync(other.snapshotFile, text.replace('"value":1972', '"value":9999'));
    expect(readDatasetSnapshot(other.snapshotFile, other.dir)).toEqual({ ok: false, reason: expect.stringContaining('altered since it was saved') });
    const { result: engine, lines } = logged((logger) => loadEngine({ dataDir: other.dir, snapshotFile: other.snapshotFile, logger }));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringContaining('snapshot not used'), reason: expect.stringContaining('altered') }),
    );
    const answer = engine.answer('How many misconduct allegations were made against Hertfordshire police in 2021-22?').text;
    expect(answer).toContain('1,972');
    expect(answer).not.toContain('9,999');
  });
});

describe('npm run index:build', () => {
  it('saves the snapshot and the passage index beside the data, and engines started on that data use both', () => {
    const copy = join(scratch, 'built');
    cpSync(BUNDLED_DATA_DIR, copy, { recursive: true });
    // Nothing saved yet: the adapters start as before, validating and building.
    expect(savedFileOptions(copy)).toEqual({});
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/index-build.ts', '--data', copy], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(savedFileOptions(copy)).toEqual(savedFilePaths(copy));
    // Started as npm start runs it (under tsx, which the index file's fingerprint of its code assumes).
    const start = `const { createLogger, loadEngine } = await import('./src/index.ts');
      const { savedFileOptions } = await import('./adapters/shared/saved-files.ts');
      loadEngine({ dataDir: ${JSON.stringify(copy)}, logger: createLogger({ level: 'info' }), ...savedFileOptions(${JSON.stringify(copy)}) });`;
    const started = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', start], { encoding: 'utf8' });
    expect(started.status).toBe(0);
    const messages = `${started.stdout}${started.stderr}`
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['dataset loaded from snapshot', 'passage index loaded from file']));
  });
});
