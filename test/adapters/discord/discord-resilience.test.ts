/**
 * End-to-end with the real discord.js client and a hand-written engine that returns fixtures or
 * fails on purpose: failures are told to the user in words, malformed embeds fall back to plain
 * text, long answers split across messages within limits, follow-ups carry the previous exchange,
 * and bare-bones gateway payloads from a minimal compatible server still work.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { FOLLOW_UP_HINT } from '../../../adapters/discord/deliver.ts';
import { UNREADABLE_REPLY_TEXT } from '../../../adapters/discord/messages.ts';
import { MESSAGE_EMBED_TOTAL_LIMIT, MESSAGE_EMBEDS_LIMIT, embedLength } from '../../../adapters/discord/render-embeds.ts';
import { createLogger, FAILURE_TEXT, type Answer, type Conversation, type Engine } from '../../../src/index.ts';
import { answered, HAMPSHIRE_QUOTE, hugeAnswer, noData } from './fixtures.ts';
import { bodyOf, embedsOf, settledHandledCount, interactionReplies, repliesTo, startHarness, visibleText, waitForHandled, type Harness } from './harness.ts';
import { AutocompleteData, CallbackBody } from './fake-discord.ts';
import { displayed } from './markdown.ts';
import { BOT, IDS, interaction, message } from './payloads.ts';

/** Questions containing "fail" make the engine throw; "huge" gets an answer past every limit. */
const calls: { question: string; conversation: Conversation | undefined }[] = [];
const huge = hugeAnswer({ facts: 40, citations: 30, quoteLength: 700, textLength: 900 });
const engine: Engine = {
  answer(question, conversation) {
    calls.push({ question, conversation });
    if (question.includes('fail')) throw new Error('engine exploded (test)');
    if (question.includes('huge')) return { ...huge, question };
    return { ...answered, question };
  },
  forceCard(name) {
    if (name.includes('fail')) throw new Error('engine exploded (test)');
    if (name === '') return { ...noData, question: name };
    return { ...huge, question: name, type: 'force_card' } satisfies Answer;
  },
  suggestForces: (typed) => [
    { id: 'hertfordshire', name: `Hertfordshire Constabulary (typed "${typed}")`, hasData: true },
    { id: 'humberside', name: 'Humberside Police', hasData: false },
  ],
  forcesWithData: () => [],
  sources: () => [],
  explain: () => {
    throw new Error('not asked of the Discord adapter');
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(engine);
});
afterAll(async () => {
  await h?.stop();
});

describe('when things go wrong', () => {
  it('tells the user in words when the engine fails on /ask', async () => {
    const ask = interaction(h.fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: 'please fail' }] });
    h.fake.dispatch('INTERACTION_CREATE', ask.payload);
    const [edit] = await h.fake.waitForRequests((r) => interactionReplies(h.fake, ask.token).includes(r), 1);
    expect(bodyOf(edit!).content).toBe(FAILURE_TEXT);
    expect(bodyOf(edit!).allowed_mentions?.parse).toEqual([]);
  });

  it('tells the user in words when the engine fails on a mention', async () => {
    const question = message(h.fake, { content: `<@${BOT.id}> please fail`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', question.payload);
    await h.fake.waitForRequest((r) => repliesTo(h.fake, question.id).includes(r));
    expect(bodyOf(repliesTo(h.fake, question.id)[0]!).content).toBe(FAILURE_TEXT);
  });

  it('falls back to plain text when Discord rejects the embeds', async () => {
    h.fake.rejectNextMessageAsMalformed = true;
    const question = message(h.fake, { content: `<@${BOT.id}> how many in Hampshire?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', question.payload);
    const sent = await h.fake.waitForRequests((r) => repliesTo(h.fake, question.id).includes(r), 2);
    expect(bodyOf(sent[0]!).embeds?.length).toBeGreaterThan(0); // rejected by the server
    const fallback = bodyOf(sent[1]!);
    expect(fallback.embeds ?? []).toEqual([]);
    expect(displayed(fallback.content ?? '')).toContain('1,938');
    expect(displayed(fallback.content ?? '')).toContain(HAMPSHIRE_QUOTE);
  });
});

describe('long answers', () => {
  it('splits a long /force card across the edited reply and follow-ups, each within limits', async () => {
    const force = interaction(h.fake, { kind: 'command', name: 'force', options: [{ name: 'name', type: 3, value: 'everything' }] });
    h.fake.dispatch('INTERACTION_CREATE', force.payload);
    // Wait until every citation has been posted.
    await h.fake.waitForRequest(
      (r) => visibleText(embedsOf([r])).includes(huge.citations.at(-1)!.quote) && interactionReplies(h.fake, force.token).includes(r),
    );
    const sent = interactionReplies(h.fake, force.token);
    expect(sent[0]!.method).toBe('PATCH');
    expect(sent.slice(1).every((r) => r.method === 'POST')).toBe(true);
    for (const request of sent) {
      const embeds = bodyOf(request).embeds ?? [];
      expect(embeds.length).toBeLessThanOrEqual(MESSAGE_EMBEDS_LIMIT);
      expect(embeds.reduce((sum, e) => sum + embedLength(e as Parameters<typeof embedLength>[0]), 0)).toBeLessThanOrEqual(MESSAGE_EMBED_TOTAL_LIMIT);
      expect(bodyOf(request).allowed_mentions?.parse).toEqual([]);
    }
    const seen = visibleText(embedsOf(sent));
    for (const citation of huge.citations) expect(seen).toContain(citation.quote);
  });
});

describe('follow-ups', () => {
  it('answers a reply to any part of a long answer with that exchange as context', async () => {
    const before = await settledHandledCount(h);
    const first = message(h.fake, { content: `<@${BOT.id}> huge question`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', first.payload);
    await h.fake.waitForRequest((r) => repliesTo(h.fake, first.id).includes(r) && visibleText(embedsOf([r])).includes(huge.citations.at(-1)!.quote));
    await waitForHandled(h, before + 1);
    const parts = repliesTo(h.fake, first.id);
    expect(parts.length).toBeGreaterThan(1);
    const last = parts.at(-1)!;

    // The reply pings the bot (Discord's default for replies), so Discord includes its content.
    const followUp = message(h.fake, { content: 'and the year before?', mentions: [BOT], replyTo: { id: last.messageId!, author: BOT } });
    h.fake.dispatch('MESSAGE_CREATE', followUp.payload);
    await h.fake.waitForRequest((r) => repliesTo(h.fake, followUp.id).includes(r));
    expect(calls.at(-1)).toEqual({ question: 'and the year before?', conversation: { previous: { question: 'huge question' } } });
  });

  it('answers a reply to a public /ask answer in context, but offers no follow-up on a private one', async () => {
    const before = await settledHandledCount(h);
    const ask = interaction(h.fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: 'how many in Hampshire?' }] });
    h.fake.dispatch('INTERACTION_CREATE', ask.payload);
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(h.fake, ask.token).includes(r));
    expect(displayed(embedsOf([edit])[0]?.footer?.text ?? '')).toBe(FOLLOW_UP_HINT);
    await waitForHandled(h, before + 1);

    const reply = message(h.fake, { content: 'what about 2022-23?', mentions: [BOT], replyTo: { id: edit.messageId!, author: BOT } });
    h.fake.dispatch('MESSAGE_CREATE', reply.payload);
    await h.fake.waitForRequest((r) => repliesTo(h.fake, reply.id).includes(r));
    expect(calls.at(-1)).toEqual({
      question: 'what about 2022-23?',
      conversation: { previous: { question: 'how many in Hampshire?', frame: answered.frame } },
    });

    const quiet = interaction(h.fake, {
      kind: 'command',
      name: 'ask',
      options: [
        { name: 'question', type: 3, value: 'how many in Hampshire?' },
        { name: 'private', type: 5, value: true },
      ],
    });
    h.fake.dispatch('INTERACTION_CREATE', quiet.payload);
    const privateEdit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(h.fake, quiet.token).includes(r));
    expect(embedsOf([privateEdit])[0]?.footer).toBeUndefined();
  });

  it('asks for a mention when a reply arrives without its text', async () => {
    const first = message(h.fake, { content: `<@${BOT.id}> how many in Hampshire?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', first.payload);
    const answer = await h.fake.waitForRequest((r) => repliesTo(h.fake, first.id).includes(r));
    // With the reply ping off and no Message Content intent, Discord sends the reply with empty content.
    const reply = message(h.fake, { content: '', replyTo: { id: answer.messageId!, author: BOT } });
    h.fake.dispatch('MESSAGE_CREATE', reply.payload);
    const notice = await h.fake.waitForRequest((r) => repliesTo(h.fake, reply.id).includes(r));
    expect(bodyOf(notice).content).toBe(UNREADABLE_REPLY_TEXT);
  });
});

describe('a minimal Discord-compatible server', () => {
  it('handles an interaction without entitlements or integration owners', async () => {
    const ask = interaction(h.fake, { kind: 'command', name: 'ask', minimal: true, options: [{ name: 'question', type: 3, value: 'how many?' }] });
    h.fake.dispatch('INTERACTION_CREATE', ask.payload);
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(h.fake, ask.token).includes(r));
    expect(visibleText(embedsOf([edit]))).toContain('1,938');
  });

  it('answers autocomplete without a focused flag, marking forces we hold no figures for', async () => {
    const typed = interaction(h.fake, { kind: 'autocomplete', name: 'force', minimal: true, options: [{ name: 'name', type: 3, value: 'h' }] });
    h.fake.dispatch('INTERACTION_CREATE', typed.payload);
    const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${typed.id}/${typed.token}/callback`);
    const body = CallbackBody.parse(callback.body);
    expect(body.type).toBe(8);
    expect(AutocompleteData.parse(body.data).choices).toEqual([
      { name: 'Hertfordshire Constabulary (typed "h")', value: 'hertfordshire' },
      { name: 'Humberside Police (no figures held)', value: 'humberside' },
    ]);
  });

  it('answers a command that arrives without its required option privately, in the engine’s words', async () => {
    const bare = interaction(h.fake, { kind: 'command', name: 'force', minimal: true, options: [] });
    h.fake.dispatch('INTERACTION_CREATE', bare.payload);
    const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${bare.id}/${bare.token}/callback`);
    expect(CallbackBody.parse(callback.body)).toEqual({ type: 5, data: { flags: 64 } });
    const [edit] = await h.fake.waitForRequests((r) => interactionReplies(h.fake, bare.token).includes(r), 1);
    expect(visibleText(embedsOf([edit!]))).toContain(noData.text);
    expect(bodyOf(edit!).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers a mention in the text when the mentions array is left empty', async () => {
    const mention = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [] });
    h.fake.dispatch('MESSAGE_CREATE', mention.payload);
    const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, mention.id).includes(r));
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
  });

  it('answers a DM and a server message sent without channel_type', async () => {
    const dm = message(h.fake, { content: 'how many in Hampshire?', dm: true, omitChannelType: true });
    h.fake.dispatch('MESSAGE_CREATE', dm.payload);
    const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, dm.id).includes(r));
    expect(reply.path).toBe(`/channels/${IDS.dmChannel}/messages`);

    const unknownChannel = '1180000000000000099';
    const mention = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT], channelId: unknownChannel, omitChannelType: true });
    h.fake.dispatch('MESSAGE_CREATE', mention.payload);
    const posted = await h.fake.waitForRequest((r) => repliesTo(h.fake, mention.id).includes(r));
    expect(posted.path).toBe(`/channels/${unknownChannel}/messages`);
  });
});

describe('starting', () => {
  it('refuses to start with a token the server rejects, saying which variable to check', async () => {
    const badToken = 'MTE4MDAwMDAwMDAwMDAwMDAwMg.GwRoNg.this-is-not-the-token-the-server-knows';
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const failure = await startDiscord({
      engine,
      logger: createLogger({ level: 'trace', destination: sink }),
      config: { token: badToken, applicationId: IDS.app, apiUrl: h.fake.apiUrl },
    }).catch((error: unknown) => error as Error & { code?: unknown });
    expect(failure).toBeInstanceOf(Error);
    expect((failure as { code?: unknown }).code).toBe('DISCORD_LOGIN');
    expect((failure as Error).message).toContain('Check DISCORD_TOKEN');
    expect((failure as Error).message).not.toContain(badToken);
    expect(lines.join('')).not.toContain(badToken);
  });
});
