import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY_POINTS, bundle } from '../../scripts/build.mjs';

// Inside the project, as dist/ is: the bundle finds the data by walking up to package.json.
const out = fileURLToPath(new URL(`../../dist/test-${process.pid}/`, import.meta.url));
const state = join(mkdtempSync(join(tmpdir(), 'forcewatch-bundle-')), 'state');
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(state, '..'), { recursive: true, force: true });
});

const chatOn = (input: string) =>
  spawnSync(process.execPath, [join(out, 'start.js')], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', FORCEWATCH_STATE_DIR: state },
    timeout: 60_000,
  });

describe('the bundle npm start builds and runs', () => {
  it('holds every entry point, and with no credentials opens the terminal chat on the bundled data', async () => {
    await bundle(ENTRY_POINTS, out);
    for (const name of Object.keys(ENTRY_POINTS)) expect(existsSync(join(out, `${name}.js`))).toBe(true);
    const chat = chatOn('How many conduct matters did Herts have in 2021-22?\n');
    expect(chat.status, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('94');
    expect(chat.stdout).toContain('Hemel Today');
    // Answered questions never open the feedback store.
    expect(existsSync(state)).toBe(false);
  }, 90_000);

  it('opens the feedback store, from the bundle, only once a question is declined', () => {
    const chat = chatOn('What is the capital of France?\n');
    expect(chat.status, chat.stderr).toBe(0);
    expect(chat.stderr).toBe('');
    expect(existsSync(join(state, 'feedback-db', 'PG_VERSION'))).toBe(true);
  }, 90_000);
});
