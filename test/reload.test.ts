import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStartupError } from '../adapters/shared/startup-error.ts';
import { createLogger, createReloadableEngine } from '../src/index.ts';
import { BUNDLED_DATA_DIR } from '../src/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'forcewatch-reload-'));
cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const figures = join(dir, 'figures.jsonl');
const original = readFileSync(figures, 'utf8');

describe('reloading the data while serving', () => {
  const engine = createReloadableEngine({ dataDir: dir });
  const q = 'How many Hertfordshire conduct matters in 2021-22?';

  it('swaps in new data when it is valid', () => {
    writeFileSync(
      figures,
      original
        .split('\n')
        .filter((l) => !l.includes('"hertfordshire-conduct-matter-allegations-2021-22"'))
        .join('\n'),
    );
    expect(engine.answer(q).text).toContain('94');
    expect(engine.reload().ok).toBe(true);
    expect(engine.answer(q).text).not.toMatch(/\b94\b/);
  });

  it('keeps the old data serving when the new data is invalid, and says why', () => {
    writeFileSync(figures, original);
    expect(engine.reload().ok).toBe(true);
    writeFileSync(figures, `${original}{"id": broken\n`);
    const result = engine.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/figures\.jsonl:\d+: not valid JSON/);
    expect(engine.answer(q).text).toContain('94');
  });
});

describe('data with 300,000 bad lines', () => {
  it('is reported in a log line and a start-up message of a few kilobytes, not a hundred megabytes', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    writeFileSync(figures, original);
    const engine = createReloadableEngine({ dataDir: dir, logger });
    const bad = Array.from({ length: 300_000 }, (_, i) => `{"id": "bad-${i}", "force": 12}`).join('\n');
    writeFileSync(figures, `${original}\n${bad}\n`);
    const result = engine.reload();
    expect(result.ok).toBe(false);
    const failure = lines.find((line) => line.includes('data reload failed'));
    expect(failure?.length).toBeLessThan(64 * 1024);
    expect(failure).toMatch(/and \d{6,} more/);
    if (!result.ok) expect(describeStartupError(result.error).length).toBeLessThan(64 * 1024);
    writeFileSync(figures, original);
  }, 60_000);
});
