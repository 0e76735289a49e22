import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY_POINTS, bundle } from '../../scripts/build.mjs';

// Inside the project, as dist/ is: the bundle finds the data by walking up to package.json.
const out = fileURLToPath(new URL(`../../dist/test-${process.pid}/`, import.meta.url));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the bundle npm start builds and runs', () => {
  it('holds every entry point, and with no credentials opens the terminal chat on the bundled data', async () => {
    await bundle(ENTRY_POINTS, out);
    for (const name of Object.keys(ENTRY_POINTS)) expect(existsSync(join(out, `${name}.js`))).toBe(true);
    const chat = spawnSync(process.execPath, [join(out, 'start.js')], {
      input: 'How many conduct matters did Herts have in 2021-22?\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    expect(chat.status, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('94');
    expect(chat.stdout).toContain('Hemel Today');
  }, 90_000);
});
