import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forcewatch } from './support/run-cli.ts';

// Whatever these questions leave in the feedback store stays in a folder of this file's own.
const stateDir = mkdtempSync(join(tmpdir(), 'forcewatch-cli-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
const cli = (args: string[], input?: string) => forcewatch(args, { input, env: { FORCEWATCH_STATE_DIR: stateDir } });

describe('the forcewatch command', () => {
  it('answers one question for a person, with its sources', () => {
    const r = cli(['ask', 'How many conduct matters did Herts have in 2021-22?']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('94');
    expect(r.out).toContain('Sources:');
    expect(r.out).toContain('Hemel Today');
  });

  it('answers a stream of questions as one JSON answer a line, in order, skipping blank lines', () => {
    const r = cli(['ask', '--jsonl'], 'How many allegations did Hampshire face in 2021-22?\n\nWhat is the capital of France?\n');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; text: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.status).toBe('answered');
    expect(lines[0]?.text).toContain('1,938');
    expect(lines[1]?.status).toBe('no_data');
  });

  it('prints a force card’s summary pointing at --all, and every figure with --all', () => {
    const summary = cli(['force', 'hants']);
    expect(summary.code).toBe(0);
    expect(summary.out).toContain('Allegations logged, 2024-25: 5,156 [2]');
    expect(summary.out).toContain(
      'Every figure we hold on Hampshire and Isle of Wight Constabulary: forcewatch force "Hampshire and Isle of Wight Constabulary" --all.',
    );
    expect(summary.out).not.toContain('1,938');
    const all = cli(['force', 'Hampshire and Isle of Wight Constabulary', '--all']);
    expect(all.code).toBe(0);
    expect(all.out).toContain('1,938');
    expect(all.out).toContain('933');
    expect(all.out).not.toContain('--all.');
    expect(cli(['force', '--help']).out).toContain('--all        every figure');
  });

  it('prints the full force card as JSON (a script wants every figure), and declines a force with no data, exiting 1', () => {
    const card = JSON.parse(cli(['force', 'hants', '--json']).out) as { status: string; text: string };
    expect(card.status).toBe('answered');
    for (const figure of ['5,156', '933', '1,938']) expect(card.text).toContain(figure);
    expect(card.text).not.toContain('--all');
    // Every force of the register has figures now (data/ingested): only a name that is no force declines.
    const declined = cli(['force', 'Narnia Constabulary', '--json']);
    expect(declined.code).toBe(1);
    const none = JSON.parse(declined.out) as { status: string; text: string };
    expect(none.status).toBe('no_data');
    expect(none.text).toMatch(/Narnia/);
  });

  it('shows how a question was read with --explain, then answers it', () => {
    const r = cli(['ask', '--explain', 'Apart from the Met, which force logged the most allegations in 2024/25?']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Read as: rank \(highest first\)/);
    expect(r.out).toContain('Scope: every force except Metropolitan Police Service');
    expect(r.out).toContain('Periods: 2024-25');
    expect(r.out).toContain('Greater Manchester Police had the highest allegations logged');
  });

  it('explains the last question in the terminal chat, as it was read in the conversation', () => {
    const r = cli([], 'How many complaint cases did Kent finalise under Schedule 3 in 2024/25?\nand in Portsmouth?\n/explain\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Places: Portsmouth → Hampshire and Isle of Wight Constabulary');
  });

  it('lists the source documents one a line, and the full records with --json', () => {
    const lines = cli(['sources']).out.trimEnd().split('\n');
    const records = JSON.parse(cli(['sources', '--json']).out) as Array<{ id: string; url: string }>;
    expect(lines).toHaveLength(records.length);
    expect(lines.find((l) => l.startsWith('hemel-today-hertfordshire-no-action '))).toMatch(/Hemel Today/);
    expect(records.find((s) => s.id === 'hemel-today-hertfordshire-no-action')?.url).toMatch(/^https:/);
  });

  it('explains an unknown command instead of failing silently', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown command/);
  });

  it('gives a force card in the terminal chat, every figure with /force NAME --all, each pointing in the chat’s own words', () => {
    const r = cli([], '/force hants\n/force hants --all\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Every figure we hold on Hampshire and Isle of Wight Constabulary: /force Hampshire and Isle of Wight Constabulary --all.');
    expect(r.out).toContain('1,938');
    expect(r.out).toContain('933');
  });

  it('runs the terminal chat with follow-ups until input ends', () => {
    const r = cli([], 'How many allegations did Hampshire have in 2021-22?\nwhat about Hertfordshire?\n/quit\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1,938');
    expect(r.out).toContain('1,972');
  });

  it('refuses to start on invalid data with a clear message and no stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/data-check.ts', '--data', 'test/no-such-folder'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/file is missing/);
    expect(r.stderr).not.toMatch(/at \w+ \(/);
  });
});
