import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/build.mjs';
import { BIN } from '../cli/support/run-cli.ts';

// The terminal chat and the command line use no chat platform, so they must not pay for one:
// Bolt and discord.js cost the chat about half a second and 35 MB at every start.

const out = fileURLToPath(new URL(`../../dist/test-modes-${process.pid}/`, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'forcewatch-modes-'));
const RECORDER = fileURLToPath(new URL('support/record-imports.mjs', import.meta.url));

beforeAll(() => bundle({ start: 'adapters/start.ts' }, out), 30_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Runs `args` under Node with the import recorder; returns its output and the packages it loaded. */
function run(name: string, args: string[], input: string): { status: number | null; stdout: string; packages: Set<string> } {
  const record = join(work, `${name}.txt`);
  const r = spawnSync(process.execPath, ['--import', RECORDER, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', FORCEWATCH_STATE_DIR: join(work, 'state'), RECORD_IMPORTS_TO: record },
    timeout: 60_000,
  });
  const urls = readFileSync(record, 'utf8').split('\n');
  const packages = new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  return { status: r.status, stdout: r.stdout, packages };
}

describe('each mode loads only what it uses', () => {
  it('npm start with no credentials opens the terminal chat without loading Bolt or discord.js', () => {
    const chat = run('chat', [join(out, 'start.js')], 'How many conduct matters did Herts have in 2021-22?\n');
    expect(chat.status).toBe(0);
    expect(chat.stdout).toContain('94');
    // The recorder sees packages: the engine's own are there.
    expect(chat.packages).toContain('minisearch');
    for (const platform of ['@slack/bolt', '@slack/web-api', 'discord.js', '@discordjs/ws']) expect(chat.packages).not.toContain(platform);
  }, 60_000);

  it('the forcewatch command answers without loading Bolt or discord.js', () => {
    const ask = run('ask', [BIN, 'ask', 'How many conduct matters did Herts have in 2021-22?'], '');
    expect(ask.status).toBe(0);
    expect(ask.stdout).toContain('94');
    expect(ask.packages).toContain('minisearch');
    for (const platform of ['@slack/bolt', '@slack/web-api', 'discord.js', '@discordjs/ws']) expect(ask.packages).not.toContain(platform);
  }, 60_000);
});
