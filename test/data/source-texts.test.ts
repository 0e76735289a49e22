import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentOnDisk, SourceTextChanged, withoutText } from '../../src/data/source-texts.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'forcewatch-texts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = loadDataset(BUNDLED_DATA_DIR).documents.find((d) => d.text.includes('’'));
if (!fixture) throw new Error('fixture: no document with a curly quote');
const { text, ...meta } = fixture;

/** The document left on disk, as `<id>.txt` in a folder of its own. */
function onDisk(name: string) {
  const folder = join(dir, name);
  mkdirSync(folder);
  const path = join(folder, `${meta.id}.txt`);
  writeFileSync(path, text);
  return { path, doc: documentOnDisk({ ...meta }, folder, Buffer.byteLength(text)) };
}

describe('a source text left on disk', () => {
  it('is read from its file when asked for, and is a property like any other', () => {
    const { doc } = onDisk('read');
    expect(doc.text).toBe(text);
    expect({ ...doc }).toEqual({ ...meta, text });
    expect(Object.keys(doc).at(-1)).toBe('text');
  });

  it('leaves the file unread when only the metadata is wanted', () => {
    const { path, doc } = onDisk('gone');
    rmSync(path);
    expect(withoutText(doc)).toEqual(meta);
  });

  it('refuses a text changed since it was loaded, naming the file', () => {
    const { path, doc } = onDisk('changed');
    appendFileSync(path, '\n\nA paragraph added later.');
    expect(() => doc.text).toThrow(SourceTextChanged);
    expect(() => doc.text).toThrow(path);
    rmSync(path);
    expect(() => doc.text).toThrow(expect.objectContaining({ code: 'SOURCE_TEXT_CHANGED' }));
  });
});
