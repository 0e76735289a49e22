/** `forcewatch ask --chart FILE.png` and `--csv FILE.csv`, run as a user runs them. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { forcewatch } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'forcewatch-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { FORCEWATCH_STATE_DIR: join(dir, 'state') };
const TREND = 'How have complaints logged in England and Wales changed since 2020/21?';

describe('forcewatch ask --chart and --csv', () => {
  it('writes the chart of a trend as a PNG of at least 400×200, and the CSV of its rows, still printing the answer', () => {
    const r = forcewatch(['ask', '--chart', 'out.png', '--csv', 'out.csv', TREND], { cwd: dir, env });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('94,940 in 2024-25 [2]');
    expect(r.err).toContain('Chart written to out.png');
    const png = PNG.sync.read(readFileSync(join(dir, 'out.png')));
    expect(png.width).toBeGreaterThanOrEqual(400);
    expect(png.height).toBeGreaterThanOrEqual(200);

    const [header, ...rows] = readFileSync(join(dir, 'out.csv'), 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('Financial year (April to March),Complaint cases logged (number),Our calculation,Working,Citation,Source,URL');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^2020-21,67732,no,,\[1\],"Wired-Gov/);
    expect(rows[4]).toMatch(/^2024-25,94940,no,,\[2\],"Independent Office for Police Conduct/);
  });

  it('keeps standard output JSON with --json', () => {
    const r = forcewatch(['ask', '--json', '--chart', join(dir, 'json.png'), TREND], { env });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'answered', type: 'change' });
    expect(existsSync(join(dir, 'json.png'))).toBe(true);
  });

  it('prints the answer of a lookup but writes no file, exit 1, saying charts are for rankings and trends', () => {
    const r = forcewatch(['ask', '--chart', join(dir, 'none.png'), 'How many misconduct allegations were made against Hampshire police in 2021-22?'], { env });
    expect(r.code).toBe(1);
    expect(r.out).toContain('1,938');
    expect(r.err).toMatch(/no chart or CSV for this answer: they are made for answered rankings, comparisons, trends and changes/);
    expect(existsSync(join(dir, 'none.png'))).toBe(false);
  });

  it('refuses --chart with --jsonl, and names both options in the help', () => {
    const r = forcewatch(['ask', '--jsonl', '--chart', 'x.png'], { env, input: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--jsonl reads the questions from standard input/);
    const help = forcewatch(['ask', '--help'], { env });
    expect(help.out).toMatch(/--chart FILE\.png +also write the answer's chart/);
    expect(help.out).toMatch(/--csv FILE\.csv +also write the answer's figures/);
  });
});
