/**
 * The application logger redacts secrets by key wherever they appear in a logged object: tokens,
 * signing secrets, authorization headers, whole config and env objects.
 */
import { describe, expect, it } from 'vitest';
import { redactUrlSecrets } from '../adapters/shared/log-redaction.ts';
import { createLogger } from '../src/index.ts';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } }) };
}

describe('the logger', () => {
  it('redacts tokens, signing secrets and authorization headers at any depth it logs', () => {
    const { lines, logger } = capture();
    logger.info({ token: 'S1', botToken: 'S2', appToken: 'S3', signingSecret: 'S4' }, 'top level');
    logger.info({ request: { headers: { authorization: 'Bearer S5', 'x-slack-signature': 'v0=S6' } } }, 'nested headers');
    logger.info({ headers: { Authorization: 'Bot S7', cookie: 'S8' } }, 'headers');
    logger.child({ component: 'x' }).warn({ client: { options: { token: 'S9' } } }, 'two levels down');
    logger.error({ config: { botToken: 'S10', anything: 'S11' }, env: { DISCORD_TOKEN: 'S12' } }, 'config objects');
    const all = lines.join('');
    expect(lines).toHaveLength(5);
    for (let i = 1; i <= 12; i += 1) expect(all).not.toMatch(new RegExp(`S${i}\\b`));
    expect(all).toContain('[redacted]');
  });

  it('redacts credentials in URLs and the Socket Mode ticket in the libraries’ free-text lines', () => {
    expect(redactUrlSecrets('posting to https://bot:s3cret@slack.example/api/chat.postMessage')).toBe(
      'posting to https://[redacted]@slack.example/api/chat.postMessage',
    );
    expect(redactUrlSecrets('redis://:pw@cache:6379/0 and wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1')).toBe(
      'redis://[redacted]@cache:6379/0 and wss://wss-primary.slack.com/link/?ticket=[redacted]&app_id=A1',
    );
    expect(redactUrlSecrets('https://slack.com/api/ stays as it is')).toBe('https://slack.com/api/ stays as it is');
  });
});
