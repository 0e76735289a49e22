import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError, inspectDataset, loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR, loadEngine } from '../../src/engine.ts';

const dirs: string[] = [];
/** A copy of the bundled data with `edit` applied to one file's lines. */
function dataWith(file: string, edit: (lines: string[]) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'forcewatch-data-'));
  dirs.push(dir);
  cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8').split('\n')).join('\n'));
  return dir;
}
function editFigure(line: number, change: (f: Record<string, unknown>) => void) {
  return (lines: string[]) =>
    lines.map((l, i) => {
      if (i !== line - 1) return l;
      const f = JSON.parse(l) as Record<string, unknown>;
      change(f);
      return JSON.stringify(f);
    });
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the bundled data', () => {
  it('passes every check', () => {
    expect(inspectDataset(BUNDLED_DATA_DIR).problems).toEqual([]);
  });
  it('holds the five seed documents, each naming its seed file', () => {
    const { documents } = loadDataset(BUNDLED_DATA_DIR);
    // Documents ingested from shared/data name their file and row instead.
    expect(
      documents
        .map((d) => d.origin)
        .filter((o) => !o.startsWith('shared/data/'))
        .sort(),
    ).toEqual(['000_b566b7a988653a35.txt', '001_a975589b9b9c29ca.txt', '002_3b4b28273de6faf2.txt', '003_a293223a3548737c.txt', '004_b1b80323db0306e8.txt']);
  });
  it('keeps page debris out of the texts', () => {
    for (const d of loadDataset(BUNDLED_DATA_DIR).documents) {
      expect(d.text).not.toMatch(/Hide Ad|READ MORE:|SEE MORE:|'˜|^ ?date \d/m);
    }
  });
  it('covers every territorial force of England and Wales and British Transport Police', () => {
    const { forces } = loadDataset(BUNDLED_DATA_DIR);
    expect(forces.filter((f) => f.kind === 'territorial')).toHaveLength(43);
    expect(forces.some((f) => f.id === 'btp')).toBe(true);
  });
});

describe('invalid data is refused with the file, the line and what is wrong', () => {
  it('names a quote that is not in its source', () => {
    const dir = dataWith(
      'figures.jsonl',
      editFigure(1, (f) => {
        f.quote = 'A sentence no article contains 1,938.';
        delete f.stated;
      }),
    );
    const { problems } = inspectDataset(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: expect.stringContaining('figures.jsonl'), line: 1, message: expect.stringContaining('quote not found') });
  });
  it('names a value its quote does not state', () => {
    const dir = dataWith(
      'figures.jsonl',
      editFigure(1, (f) => {
        f.value = 123456;
        delete f.stated;
      }),
    );
    expect(inspectDataset(dir).problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('does not state the value 123456') })]);
  });
  it('names a note that states a number its quote does not (a note is cited only through its figure)', () => {
    const note = (text: string) =>
      dataWith(
        'figures.jsonl',
        editFigure(1, (f) => {
          f.note = text;
        }),
      );
    expect(inspectDataset(note('A later release restates this as 1,940.')).problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('note states 1940') }),
    ]);
    // Its own quote's numbers, years and the names of tables and schedules are not added figures.
    expect(inspectDataset(note('Of the 1938, some were handled under Schedule 3 (Table 1.1, 2021-22).')).problems).toEqual([]);
  });
  it('names a value that is another of its quote\'s numbers: "stated" says which, and must read as the value', () => {
    // "Of these, 1,867 (96 percent) resulted in no action…": the count is 1,867, not 96.
    const dir = dataWith(
      'figures.jsonl',
      editFigure(2, (f) => {
        f.value = 96;
      }),
    );
    expect(inspectDataset(dir).problems).toEqual([expect.objectContaining({ line: 2, message: 'stated "1,867" does not read as the value 96' })]);
  });
  it('asks which number a figure is when its quote holds several and the figure does not say', () => {
    const dir = dataWith(
      'figures.jsonl',
      editFigure(2, (f) => {
        delete f.stated;
      }),
    );
    expect(inspectDataset(dir).problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(/quote holds several numbers \(1867, 96\): "stated" must say which is the value 1867/),
      }),
    ]);
  });
  it('names a "stated" number the quote does not hold as a whole number', () => {
    const dir = dataWith(
      'figures.jsonl',
      editFigure(2, (f) => {
        f.stated = '867';
        f.value = 867;
      }),
    );
    expect(inspectDataset(dir).problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('stated "867" is not a number of the quote') }),
    ]);
  });
  it("names a figure whose force is not among its source's forces", () => {
    // Hertfordshire is a force of the register, but the Hampshire Chronicle article covers only Hampshire.
    const dir = dataWith(
      'figures.jsonl',
      editFigure(1, (f) => {
        f.force = 'hertfordshire';
      }),
    );
    expect(inspectDataset(dir).problems).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringContaining('force "hertfordshire" is not among the forces of source "hampshire-chronicle-misconduct-allegations" (hampshire)'),
      }),
    ]);
  });
  it('refuses data that holds no figures at all', () => {
    const dir = dataWith('figures.jsonl', () => []);
    rmSync(join(dir, 'ingested', 'figures.jsonl'));
    expect(inspectDataset(dir).problems).toEqual([
      expect.objectContaining({ file: expect.stringContaining('figures.jsonl'), message: expect.stringContaining('holds no figures') }),
    ]);
  });
  it('lists the first 50 problems at start-up and counts the rest', () => {
    const dir = dataWith('figures.jsonl', (lines) => lines.map((l) => l.replace(/"metric": "[^"]+"/, '"metric": "unicorns"')));
    let error: unknown;
    try {
      loadEngine({ dataDir: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const { message, problems } = error as DataError;
    expect(problems.length).toBeGreaterThan(50);
    expect(message.split('\n').filter((l) => l.includes('unknown metric'))).toHaveLength(50);
    expect(message).toMatch(new RegExp(`… and ${problems.length - 50} more$`));
  });
  it('names unknown force and metric ids', () => {
    const dir = dataWith(
      'figures.jsonl',
      editFigure(3, (f) => {
        f.force = 'narnia';
        f.metric = 'unicorns';
      }),
    );
    const messages = inspectDataset(dir).problems.map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('unknown force "narnia"'), expect.stringContaining('unknown metric "unicorns"')]));
  });
  it('names wrong types, broken JSON and duplicate ids, all in one report', () => {
    const dir = dataWith('figures.jsonl', (lines) => {
      const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
      return [lines[0] as string, '{"id": broken', JSON.stringify({ ...first, value: 'many' }), JSON.stringify(first), ...lines.slice(1)];
    });
    const problems = inspectDataset(dir).problems;
    expect(problems.map((p) => p.line)).toEqual(expect.arrayContaining([2, 3, 4]));
    expect(problems.find((p) => p.line === 2)?.message).toMatch(/not valid JSON/);
    expect(problems.find((p) => p.line === 3)?.message).toMatch(/value/);
    expect(problems.find((p) => p.line === 4)?.message).toMatch(/duplicate id/);
  });
  it("names a phrase-book slot entered twice, so a slot's phrases stay in one place", () => {
    const dir = dataWith('phrases.jsonl', (lines) => [...lines.filter((l) => l !== ''), lines[0] as string]);
    const problems = inspectDataset(dir).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: expect.stringContaining('phrases.jsonl'), message: expect.stringMatching(/duplicate slot "help"/) }),
    ]);
  });
  it('checks every file, not just the figures: a duplicate force, a broken source line, a missing source text', () => {
    const dir = dataWith('forces.jsonl', (lines) => [...lines.filter((l) => l !== ''), lines[0] as string]);
    const forceLines = readFileSync(join(dir, 'forces.jsonl'), 'utf8').split('\n').length;
    const sources = join(dir, 'sources.jsonl');
    const sourceLines = readFileSync(sources, 'utf8').split('\n');
    writeFileSync(sources, ['{"id": "half a record', ...sourceLines].join('\n'));
    rmSync(join(dir, 'sources', 'daily-echo-sexual-assault-foi.txt'));
    const problems = inspectDataset(dir).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: expect.stringContaining('forces.jsonl'),
          line: forceLines,
          message: expect.stringMatching(/duplicate id "avon-and-somerset" \(first at .*forces\.jsonl:1\)/),
        }),
        expect.objectContaining({ file: expect.stringContaining('sources.jsonl'), line: 1, message: expect.stringMatching(/not valid JSON/) }),
        expect.objectContaining({
          file: expect.stringContaining('sources.jsonl'),
          message: expect.stringMatching(/no text: neither a "text" field nor .*daily-echo-sexual-assault-foi\.txt/),
        }),
      ]),
    );
  });
  it('npm run data:check lists every problem as file:line and exits non-zero', () => {
    const dir = dataWith('figures.jsonl', (lines) => ['{"id": broken', lines[0] as string, lines[0] as string, ...lines.slice(1)]);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/data-check.ts', '--data', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/figures\.jsonl:1: not valid JSON/);
    expect(run.stderr).toMatch(/figures\.jsonl:3: duplicate id/);
    expect(run.stderr).toMatch(/\d+ problems found\./);
  });
  it('refuses to start an engine on invalid data, naming the problem', () => {
    const dir = dataWith(
      'figures.jsonl',
      editFigure(1, (f) => {
        f.metric = 'unicorns';
      }),
    );
    expect(() => loadEngine({ dataDir: dir })).toThrow(DataError);
    expect(() => loadEngine({ dataDir: dir })).toThrow(/figures\.jsonl:1: unknown metric "unicorns"/);
  });
});
