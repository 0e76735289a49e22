import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR, loadEngine } from '../../src/engine.ts';

describe('a definition in a corpus full of a longer term', () => {
  // 120 syndicated briefs that use "conduct matter" only inside "recordable conduct matter", and
  // use its words more often than the sentence that defines a conduct matter.
  const dir = mkdtempSync(join(tmpdir(), 'forcewatch-definitions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
  const meta = JSON.parse(readFileSync(join(dir, 'sources.jsonl'), 'utf8').split('\n')[0] as string) as Record<string, unknown>;
  for (let n = 1; n <= 120; n++) {
    const id = `recordable-brief-${n}`;
    appendFileSync(join(dir, 'sources.jsonl'), `${JSON.stringify({ ...meta, id, title: `Brief ${n}`, url: `https://example.org/brief-${n}` })}\n`);
    writeFileSync(
      join(dir, 'sources', `${id}.txt`),
      `A further ${n} "recordable conduct matter" allegations were made, where an officer's conduct was in question. No action was required in ${n} of the conduct matter cases.`,
    );
  }
  const engine = loadEngine({ dataDir: dir });

  it('still quotes the sentence that defines the shorter term', () => {
    const a = engine.answer('What is a conduct matter?');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^The sources explain “conduct matter” like this: “There were also 101 allegations of "conduct matter" offences/);
  });
});
