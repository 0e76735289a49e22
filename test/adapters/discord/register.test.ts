/**
 * `npm run discord:register`, run as the real script against the fake server: one PUT of the whole
 * command set to the guild route (or the global one), authorised with the bot token, idempotent.
 */
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register-commands.ts';
import { createLogger } from '../../../src/index.ts';
import { CommandsBody, FakeDiscord } from './fake-discord.ts';
import { BOT, GUILD, IDS, TOKEN } from './payloads.ts';

const run = promisify(execFile);
const TSX = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
const SCRIPT = new URL('../../../adapters/discord/register.ts', import.meta.url).pathname;

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD] }).start();
});
afterAll(async () => {
  await fake?.close();
});

function discordEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DISCORD_')));
  return { ...env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'debug', ...extra };
}

describe('npm run discord:register', () => {
  it('PUTs /ask and /force to the guild when DISCORD_GUILD_ID is set, and again identically', async () => {
    const route = `/applications/${IDS.app}/guilds/${IDS.guild}/commands`;
    const first = await run(TSX, [SCRIPT], { env: discordEnv({ DISCORD_GUILD_ID: IDS.guild }) });
    const second = await run(TSX, [SCRIPT], { env: discordEnv({ DISCORD_GUILD_ID: IDS.guild }) });

    const puts = fake.requests.filter((r) => r.method === 'PUT' && r.path === route);
    expect(puts).toHaveLength(2);
    expect(puts.every((r) => r.auth === 'valid')).toBe(true);
    const body = CommandsBody.parse(puts[0]!.body);
    expect(body.map((c) => c.name)).toEqual(['ask', 'force']);
    expect(puts[1]!.body).toEqual(puts[0]!.body); // a bulk overwrite with the same body: idempotent
    expect(first.stdout).toBe(`Registered /ask, /force in server ${IDS.guild}.\n`);
    expect(second.stdout).toBe(first.stdout);
    for (const output of [first.stdout, first.stderr, second.stderr]) expect(output).not.toContain(TOKEN);
  }, 30_000);

  it('registers globally when no guild is configured', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const result = await registerCommands({ token: TOKEN, applicationId: IDS.app, apiUrl: fake.apiUrl }, createLogger({ level: 'trace', destination: sink }));
    expect(result.scope).toBe('global');
    expect(result.commands.map((c) => c.name)).toEqual(['ask', 'force']);
    expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${IDS.app}/commands`)).toBe(true);
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('says what went wrong when the token is refused', async () => {
    const failure = await run(TSX, [SCRIPT], { env: discordEnv({ DISCORD_TOKEN: 'not-the-token' }) }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr).toContain('could not register the commands globally');
    expect(failure.stderr).toContain('401');
    expect(failure.stderr).not.toContain('not-the-token');
  }, 30_000);
});
