/** Scrubbing secrets out of the free-text lines discord.js produces. */
import { describe, expect, it } from 'vitest';
import { scrubSecrets, summariseError } from '../../../adapters/discord/safe-log.ts';

const TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMg.GfAkE1.scrub-test-token-value-0123456789abc';

describe('scrubSecrets', () => {
  it('removes the configured token and the parts discord.js leaves in its "censored" token', () => {
    const [id, timestamp] = TOKEN.split('.');
    const line = `Provided token: ${id}.${timestamp}.*************** and again ${TOKEN}`;
    const scrubbed = scrubSecrets(line, [TOKEN]);
    expect(scrubbed).not.toContain(id);
    expect(scrubbed).not.toContain(timestamp);
    expect(scrubbed).not.toContain(TOKEN);
  });

  it('removes anything shaped like a bot token, configured or not', () => {
    expect(scrubSecrets('token MTIzNDU2Nzg5MDEyMzQ1Njc4OTAx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123', [])).toBe('token [redacted]');
  });

  it('removes interaction tokens from webhook and callback paths', () => {
    expect(scrubSecrets('PATCH /api/v10/webhooks/118/aW50ZXJhY3Rpb24/messages/@original', [])).toBe(
      'PATCH /api/v10/webhooks/118/[redacted]/messages/@original',
    );
    expect(scrubSecrets('/interactions/118/aW50ZXJhY3Rpb24/callback?with_response=false', [])).toBe(
      '/interactions/118/[redacted]/callback?with_response=false',
    );
  });
});

describe('summariseError', () => {
  it('keeps the name, message and code, scrubbed', () => {
    const error = Object.assign(new Error(`bad token ${TOKEN}`), { code: 50001, status: 403, method: 'POST', url: '/webhooks/1/secret-interaction-token' });
    expect(summariseError(error, [TOKEN])).toEqual({
      name: 'Error',
      message: 'bad token [redacted]',
      code: 50001,
      status: 403,
      method: 'POST',
      url: '/webhooks/1/[redacted]',
    });
  });
});
