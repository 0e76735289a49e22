/**
 * The small pieces that keep Slack text safe and memory bounded: mrkdwn escaping, reading what a
 * user typed out of Slack's formatting, log scrubbing, and the bounded map behind de-duplication.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boltLogger, scrubSecrets } from '../../../adapters/slack/bolt-logger.ts';
import { BoundedMap } from '../../../adapters/shared/bounded-map.ts';
import { escapeMrkdwn, mrkdwnLink } from '../../../adapters/slack/escape.ts';
import { slackTextToPlain } from '../../../adapters/slack/payloads.ts';
import { logSink } from './support/log-sink.ts';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > only', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> *bold* _it_')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; *bold* _it_');
  });

  it('leaves no < or > for Slack to read as a mention or link, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeMrkdwn(text)).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('mrkdwnLink', () => {
  it('links an http(s) address with an escaped label', () => {
    expect(mrkdwnLink('https://example.org/a?b=1&c=2', 'A <b> title')).toBe('<https://example.org/a?b=1&amp;c=2|A &lt;b&gt; title>');
  });

  it('keeps | and > in an address from ending the link early', () => {
    expect(mrkdwnLink('https://example.org/a|b>c', 'x')).toBe('<https://example.org/a%7Cb%3Ec|x>');
  });

  it('shows only the label for other schemes', () => {
    expect(mrkdwnLink('javascript:alert(1)', 'Title')).toBe('Title');
  });
});

describe('slackTextToPlain', () => {
  it('removes the bot mention and keeps the question', () => {
    expect(slackTextToPlain('<@U0BOT> How many allegations in Hampshire?', 'U0BOT')).toBe('How many allegations in Hampshire?');
  });

  it('turns mentions, channels and links into words', () => {
    expect(slackTextToPlain('<!channel> <@U123> <#C1|general> <https://x.example|site> <!subteam^S1|@team>')).toBe('@channel @U123 #general site @team');
  });

  it('unescapes what Slack escaped, once', () => {
    expect(slackTextToPlain('a &lt;b&gt; &amp;amp;')).toBe('a <b> &amp;');
  });
});

describe('scrubSecrets', () => {
  it('removes the given secrets and anything shaped like a Slack token', () => {
    expect(scrubSecrets('secret=abc123 token=xoxb-1-2-3 app=xapp-1-A-2', ['abc123'])).toBe('secret=[redacted] token=[redacted] app=[redacted]');
  });
});

describe('boltLogger', () => {
  it('writes Bolt’s lines at or above the log level, scrubbed, and drops the rest', () => {
    const sink = logSink();
    sink.logger.level = 'info';
    const bolt = boltLogger(sink.logger, ['s3cret']);
    bolt.debug('ack() call begins', { token: 's3cret' });
    bolt.warn('Failed to verify', { token: 's3cret' });
    expect(sink.records().map((r) => r.msg)).toEqual(['Failed to verify {"token":"[redacted]"}']);
  });
});

describe('BoundedMap', () => {
  it('forgets the oldest entries past its size', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.has('a')).toBe(false);
    expect(map.size).toBe(2);
  });

  it('reports whether a key is new, once', () => {
    const map = new BoundedMap<string, true>(10);
    expect(map.addIfNew('Ev1', true)).toBe(true);
    expect(map.addIfNew('Ev1', true)).toBe(false);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new BoundedMap(0)).toThrow(/maxSize/);
  });
});
