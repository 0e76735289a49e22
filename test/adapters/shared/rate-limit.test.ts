/**
 * The shared rate limiter and settings: sliding windows per user and per channel (on a hand-driven
 * clock in the process), polite words naming the wait, notices limited too, and bounded memory.
 * The same limiter on Redis, shared by replicas, is in state.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitedText } from '../../../adapters/shared/rate-limit.ts';
import { settingsFromEnv } from '../../../adapters/shared/settings.ts';
import { InProcessState } from '../../../adapters/shared/state/in-process.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const take = async (state: InProcessState, key: string, max: number, windowMs: number) => (await state.takeWindows([{ key, limit: { max, windowMs } }]))[0];

describe('sliding windows held in the process', () => {
  it('allows max hits in any window, then says how long until the oldest leaves it', async () => {
    const c = clock();
    const state = new InProcessState({ now: c.now });
    expect(await take(state, 'u', 2, 10_000)).toBe(0);
    c.advance(4_000);
    expect(await take(state, 'u', 2, 10_000)).toBe(0);
    expect(await take(state, 'u', 2, 10_000)).toBe(6_000);
    c.advance(6_001);
    expect(await take(state, 'u', 2, 10_000)).toBe(0); // the first hit has slid out
    expect(await take(state, 'u', 2, 10_000)).toBeGreaterThan(0);
  });

  it('keeps keys apart, and max 0 means no limit', async () => {
    const state = new InProcessState();
    expect(await take(state, 'a', 1, 1_000)).toBe(0);
    expect(await take(state, 'b', 1, 1_000)).toBe(0);
    for (let i = 0; i < 1_000; i += 1) expect(await take(state, 'off', 0, 1_000)).toBe(0);
  });

  it('forgets the oldest keys past its bound, so a flood of new users cannot grow memory', async () => {
    const state = new InProcessState({ windowKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await take(state, key, 1, 60_000);
    expect(await take(state, 'a', 1, 60_000)).toBe(0); // evicted, so counted afresh
    expect(await take(state, 'd', 1, 60_000)).toBeGreaterThan(0);
  });
});

describe('RateLimiter', () => {
  const limits = { perUser: { max: 2, windowMs: 60_000 }, perChannel: { max: 3, windowMs: 60_000 } };

  it('counts a question against both limits only when both allow it', async () => {
    const limiter = new RateLimiter(limits, new InProcessState({ now: clock().now }), 'slack');
    expect(await limiter.check('u1', 'c1')).toEqual({ allowed: true });
    expect(await limiter.check('u1', 'c1')).toEqual({ allowed: true });
    expect(await limiter.check('u1', 'c1')).toMatchObject({ allowed: false, scope: 'user', notify: true });
    expect(await limiter.check('u2', 'c1')).toEqual({ allowed: true }); // the refused one did not count for c1
    expect(await limiter.check('u3', 'c1')).toMatchObject({ allowed: false, scope: 'channel' });
  });

  it('stops sending notices once they too pass the limit', async () => {
    const limiter = new RateLimiter(
      { perUser: { max: 1, windowMs: 60_000 }, perChannel: { max: 0, windowMs: 60_000 } },
      new InProcessState({ now: clock().now }),
      'slack',
    );
    await limiter.check('u', 'c');
    const refusals = [];
    for (let i = 0; i < 4; i += 1) refusals.push(await limiter.check('u', 'c'));
    expect(refusals.map((r) => !r.allowed && r.notify)).toEqual([true, false, false, false]);
  });

  it('keeps one platform’s windows apart from another’s in a shared state', async () => {
    const state = new InProcessState();
    const one = { perUser: { max: 1, windowMs: 60_000 }, perChannel: { max: 0, windowMs: 60_000 } };
    expect(await new RateLimiter(one, state, 'slack').check('123', 'c')).toEqual({ allowed: true });
    expect(await new RateLimiter(one, state, 'discord').check('123', 'c')).toEqual({ allowed: true });
  });

  it('words the wait politely, in whole seconds', () => {
    expect(rateLimitedText({ allowed: false, scope: 'user', retryAfterMs: 12_300, notify: true })).toBe(
      "You're asking questions faster than I can answer them well. Please wait 13 seconds and ask again.",
    );
    expect(rateLimitedText({ allowed: false, scope: 'channel', retryAfterMs: 500, notify: true })).toContain('wait a second');
  });
});

describe('settingsFromEnv', () => {
  it('has a default for everything', () => {
    expect(settingsFromEnv({})).toEqual({
      limits: { perUser: { max: 30, windowMs: 60_000 }, perChannel: { max: 120, windowMs: 60_000 } },
      apiTimeoutMs: 10_000,
      apiRetries: 2,
      maxRetryAfterMs: 30_000,
      shutdownGraceMs: 10_000,
      logMessageText: false,
      continueWithoutDiscord: false,
    });
  });

  it('reads each variable, blank meaning the default', () => {
    const settings = settingsFromEnv({ RATE_LIMIT_USER_MAX: '5', RATE_LIMIT_CHANNEL_WINDOW_SECONDS: '30', API_RETRIES: '', LOG_MESSAGE_TEXT: 'true' });
    expect(settings.limits?.perUser.max).toBe(5);
    expect(settings.limits?.perChannel.windowMs).toBe(30_000);
    expect(settings.apiRetries).toBe(2);
    expect(settings.logMessageText).toBe(true);
  });

  it('names every malformed variable in one error', () => {
    expect(() => settingsFromEnv({ RATE_LIMIT_USER_MAX: 'lots', API_TIMEOUT_MS: '5', LOG_MESSAGE_TEXT: 'yes' })).toThrow(
      /RATE_LIMIT_USER_MAX "lots" must be a whole number.*API_TIMEOUT_MS must be between 100 and 120000.*LOG_MESSAGE_TEXT must be true or false/,
    );
  });
});
