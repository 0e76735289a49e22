/**
 * The app manifest and .env.example agree with the code: every command, event and interaction the
 * adapter handles is declared, with the scopes it needs, and every variable it reads is documented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASK_COMMAND, FORCE_COMMAND } from '../../../adapters/slack/app.ts';
import { SLACK_ENV_VARS } from '../../../adapters/slack/config.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const manifest = read('adapters/slack/manifest.yml');

describe('manifest.yml', () => {
  it('declares both slash commands on the events path', () => {
    for (const command of [FORCE_COMMAND, ASK_COMMAND]) {
      expect(manifest).toContain(`- command: ${command}\n      url: https://YOUR-HOST/slack/events\n`);
    }
  });

  it('subscribes to mentions and direct messages only', () => {
    expect(manifest).toMatch(/bot_events:\n\s+- app_mention\n\s+- message\.im\n/);
  });

  it('enables interactivity for the share and feedback buttons and the report form on the same path', () => {
    expect(manifest).toMatch(/interactivity:\n(?:\s+#.*\n)*\s+is_enabled: true\n\s+request_url: https:\/\/YOUR-HOST\/slack\/events/);
  });

  it('asks for exactly the bot scopes the adapter uses', () => {
    const scopes = [...manifest.matchAll(/^\s+- ([a-z_]+:[a-z_.]+|commands)$/gm)].map((m) => m[1]);
    expect(scopes.sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'reactions:write',
    ]);
  });
});

describe('.env.example', () => {
  it('documents every Slack variable and PORT', () => {
    const example = read('.env.example');
    for (const name of [...SLACK_ENV_VARS, 'PORT']) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
