/** Discord configuration from the environment: off when unset, clear errors when half-set. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discordConfigFromEnv } from '../../../adapters/discord/index.ts';

const TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMg.GfAkE1.config-test-token-value-0123456789';

function configError(env: NodeJS.ProcessEnv): Error & { code?: unknown } {
  try {
    discordConfigFromEnv(env);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a config error');
}

describe('discordConfigFromEnv', () => {
  it('is null when no Discord variable is set, or only set empty', () => {
    expect(discordConfigFromEnv({})).toBeNull();
    expect(discordConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', DISCORD_TOKEN: '', DISCORD_GUILD_ID: ' ' })).toBeNull();
  });

  it('reads the token and application id, with the guild and API URL optional', () => {
    expect(discordConfigFromEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '1180000000000000001' })).toEqual({
      token: TOKEN,
      applicationId: '1180000000000000001',
    });
    expect(
      discordConfigFromEnv({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_APPLICATION_ID: '1180000000000000001',
        DISCORD_GUILD_ID: '1180000000000000003',
        DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      }),
    ).toEqual({ token: TOKEN, applicationId: '1180000000000000001', guildId: '1180000000000000003', apiUrl: 'http://127.0.0.1:8080/api' });
  });

  it('treats an empty optional variable as unset', () => {
    expect(discordConfigFromEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '1', DISCORD_GUILD_ID: '', DISCORD_API_URL: '' })).toEqual({
      token: TOKEN,
      applicationId: '1',
    });
  });

  it('accepts the API URL with a trailing slash or /v10 and keeps the base', () => {
    for (const spelling of ['http://127.0.0.1:9/api/', 'http://127.0.0.1:9/api/v10', 'http://127.0.0.1:9/api/v10/']) {
      expect(discordConfigFromEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '1', DISCORD_API_URL: spelling })?.apiUrl).toBe('http://127.0.0.1:9/api');
    }
  });

  it('names every missing variable in one CONFIG error', () => {
    const error = configError({ DISCORD_GUILD_ID: '1180000000000000003' });
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('DISCORD_TOKEN is missing');
    expect(error.message).toContain('DISCORD_APPLICATION_ID is missing');
  });

  it('names every malformed variable, never echoing the token', () => {
    const error = configError({
      DISCORD_TOKEN: 'Bot secret-token-value',
      DISCORD_APPLICATION_ID: 'my-app',
      DISCORD_GUILD_ID: '12ab',
      DISCORD_API_URL: 'ftp://example.org/api',
    });
    expect(error.code).toBe('CONFIG');
    for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL']) expect(error.message).toContain(name);
    expect(error.message).not.toContain('secret-token-value');
  });

  it('either returns a config or throws a CONFIG error, whatever the environment', () => {
    const value = fc.option(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,20}$/), fc.constant('http://localhost:1/api')), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ DISCORD_TOKEN: value, DISCORD_APPLICATION_ID: value, DISCORD_GUILD_ID: value, DISCORD_API_URL: value }), (env) => {
        try {
          const config = discordConfigFromEnv(env);
          if (config !== null) expect(config.applicationId).toMatch(/^\d+$/);
        } catch (error) {
          expect((error as { code?: unknown }).code).toBe('CONFIG');
        }
      }),
    );
  });
});
