/**
 * The shared rate limiter and settings, on a hand-driven clock: sliding windows per user and per
 * channel, polite words naming the wait, notices limited too, and bounded memory.
 */
import { describe, expect, it } from 'vitest';
import { RateLimiter, SlidingWindowLimiter, rateLimitedText } from '../../../adapters/shared/rate-limit.ts';
import { settingsFromEnv } from '../../../adapters/shared/settings.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('allows max hits in any window, then says how long until the oldest leaves it', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ max: 2, windowMs: 10_000 }, 100, c.now);
    expect(limiter.take('u')).toBe(0);
    c.advance(4_000);
    expect(limiter.take('u')).toBe(0);
    expect(limiter.take('u')).toBe(6_000);
    c.advance(6_001);
    expect(limiter.take('u')).toBe(0); // the first hit has slid out
    expect(limiter.take('u')).toBeGreaterThan(0);
  });

  it('keeps keys apart, and max 0 means no limit', () => {
    const limiter = new SlidingWindowLimiter({ max: 1, windowMs: 1_000 });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0);
    const off = new SlidingWindowLimiter({ max: 0, windowMs: 1_000 });
    for (let i = 0; i < 1_000; i += 1) expect(off.take('a')).toBe(0);
  });

  it('forgets the oldest keys past its bound, so a flood of new users cannot grow memory', () => {
    const limiter = new SlidingWindowLimiter({ max: 1, windowMs: 60_000 }, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key);
    expect(limiter.take('a')).toBe(0); // evicted, so counted afresh
    expect(limiter.take('d')).toBeGreaterThan(0);
  });
});

describe('RateLimiter', () => {
  const limits = { perUser: { max: 2, windowMs: 60_000 }, perChannel: { max: 3, windowMs: 60_000 } };

  it('counts a question against both limits only when both allow it', () => {
    const limiter = new RateLimiter(limits, clock().now);
    expect(limiter.check('u1', 'c1')).toEqual({ allowed: true });
    expect(limiter.check('u1', 'c1')).toEqual({ allowed: true });
    expect(limiter.check('u1', 'c1')).toMatchObject({ allowed: false, scope: 'user', notify: true });
    expect(limiter.check('u2', 'c1')).toEqual({ allowed: true }); // the refused one did not count for c1
    expect(limiter.check('u3', 'c1')).toMatchObject({ allowed: false, scope: 'channel' });
  });

  it('stops sending notices once they too pass the limit', () => {
    const limiter = new RateLimiter({ perUser: { max: 1, windowMs: 60_000 }, perChannel: { max: 0, windowMs: 60_000 } }, clock().now);
    limiter.check('u', 'c');
    const refusals = Array.from({ length: 4 }, () => limiter.check('u', 'c'));
    expect(refusals.map((r) => !r.allowed && r.notify)).toEqual([true, false, false, false]);
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
