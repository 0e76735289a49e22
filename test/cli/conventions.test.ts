/**
 * What a Node user expects of a command: help for every command, an unknown option refused rather
 * than read as words of a question, quiet ends when the reader stops early, and `.env` read.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, forcewatch } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'forcewatch-conventions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { FORCEWATCH_STATE_DIR: join(dir, 'state') };

describe('the forcewatch command line', () => {
  it.each([
    [['--help'], /^Usage: forcewatch \[command\]/],
    [['help', 'report'], /^Usage: forcewatch report/],
    [['ask', '--help'], /^Usage: forcewatch ask/],
    [['ask', 'how many complaints did Kent have?', '-h'], /^Usage: forcewatch ask/],
    [['force', '--help'], /^Usage: forcewatch force/],
    [['sources', '--help'], /^Usage: forcewatch sources/],
    [['report', '--help'], /^Usage: forcewatch report \[--since DATE\] \[--json\]/],
  ])('prints help for %j, never answering it as a question', (args, usage) => {
    const r = forcewatch(args, { env });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(usage);
    expect(r.out).not.toMatch(/Sources:|We hold no/);
  });

  it('refuses a mistyped option with exit 2, naming it, instead of asking it', () => {
    const r = forcewatch(['ask', '--jsn', 'How many allegations did Hampshire face in 2021-22?'], { env });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^forcewatch ask: Unknown option '--jsn'/);
    expect(r.err).toContain('forcewatch ask --help');
  });

  it.each([
    [['ask'], /ask needs a question/],
    [['ask', '--jsonl', 'a question'], /--jsonl reads the questions from standard input/],
    [['report', '--since'], /--since <value>' argument missing/],
    [['report', '--since', 'last week'], /--since "last week" is not a date/],
    [['sources', 'extra'], /Unexpected argument 'extra'/],
    [['--json'], /Unknown option '--json'/],
  ])('refuses %j with exit 2 and a one-line reason, no stack trace', (args, reason) => {
    const r = forcewatch(args, { env });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('ends quietly, exit 0, when the reader stops early (forcewatch sources | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'sources'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    // Read one chunk, then close our end, as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('reads .env from the working directory (the environment winning over it), and logs that it did', () => {
    const cwd = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(cwd, '.env'), 'LOG_LEVEL=info\nRECORD_QUESTIONS=maybe\n');
    const fromFile = forcewatch(['ask', 'What is the capital of France?'], { cwd, env: { ...env, LOG_LEVEL: undefined } });
    // The file's malformed RECORD_QUESTIONS proves it was read; the message names it, no stack trace.
    expect(fromFile.code).toBe(1);
    expect(fromFile.err).toMatch(/Configuration problem: Feedback store: RECORD_QUESTIONS must be true or false/);
    const lines = fromFile.err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; file?: string });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'read settings from .env', file: join(cwd, '.env') }));
    const overridden = forcewatch(['ask', 'What is the capital of France?'], { cwd, env: { ...env, RECORD_QUESTIONS: 'false' } });
    expect(overridden.code).toBe(0);
    expect(overridden.out).toMatch(/capital|France|hold/i);
  });
});
