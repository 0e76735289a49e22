/**
 * Slack settings from the environment: off when no Slack variable is set, HTTP or Socket Mode when
 * complete, and one clear CONFIG error naming every missing or malformed variable otherwise.
 */
import { describe, expect, it } from 'vitest';
import { slackConfigFromEnv } from '../../../adapters/slack/index.ts';

const BOT = 'xoxb-1-2-abcdef';
const SECRET = 'c0ffee0c0ffee0c0ffee0c0ffee0c0ff';

function configError(env: NodeJS.ProcessEnv): Error & { code?: unknown } {
  try {
    slackConfigFromEnv(env);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a config error');
}

describe('slackConfigFromEnv', () => {
  it('is off (null) when no Slack variable is set, even with PORT', () => {
    expect(slackConfigFromEnv({})).toBeNull();
    expect(slackConfigFromEnv({ PORT: '8080', LOG_LEVEL: 'debug' })).toBeNull();
  });

  it('treats blank values, as in a copied .env.example, as unset', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ' })).toBeNull();
  });

  it('reads HTTP mode on port 3000 by default', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      port: 3000,
    });
  });

  it('takes PORT and SLACK_API_URL, adding the trailing slash the Web API client needs', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '4100', SLACK_API_URL: 'http://127.0.0.1:9000/api' })).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      port: 4100,
      apiUrl: 'http://127.0.0.1:9000/api/',
    });
  });

  it('reads Socket Mode when SLACK_APP_TOKEN is set, with no signing secret needed', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' })).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: 'xapp-1-A1-2-abc',
    });
  });

  it('names the missing signing secret when only the bot token is set', () => {
    const error = configError({ SLACK_BOT_TOKEN: BOT });
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('SLACK_SIGNING_SECRET is missing');
    expect(error.message).toContain('SLACK_APP_TOKEN');
  });

  it('names the missing bot token when only the signing secret is set', () => {
    const error = configError({ SLACK_SIGNING_SECRET: SECRET });
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('SLACK_BOT_TOKEN is missing');
  });

  it('names every malformed variable at once, without echoing a secret', () => {
    const error = configError({
      SLACK_BOT_TOKEN: 'xapp-looks-like-the-app-token',
      SLACK_SIGNING_SECRET: 'has a space',
      SLACK_APP_TOKEN: 'xoxb-swapped',
      SLACK_API_URL: 'not a url',
      PORT: 'eighty',
    });
    expect(error.code).toBe('CONFIG');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'PORT']) {
      expect(error.message).toContain(name);
    }
    expect(error.message).toContain('"eighty"');
    expect(error.message).not.toContain('xapp-looks-like-the-app-token');
    expect(error.message).not.toContain('has a space');
    expect(error.message).not.toContain('xoxb-swapped');
  });

  it('rejects a port out of range and a non-http API base', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '70000' }).message).toContain('PORT');
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'ftp://x/' }).message).toContain('SLACK_API_URL');
  });

  it('counts SLACK_API_URL alone as a partial Slack setup', () => {
    const error = configError({ SLACK_API_URL: 'http://127.0.0.1:9000/api/' });
    expect(error.message).toContain('SLACK_BOT_TOKEN is missing');
  });
});
