/**
 * End-to-end: the real engine and the real discord.js client against the local Discord-compatible
 * server. Each case is what a Discord user does (a slash command, a mention, a DM, an @everyone
 * injection) and checks what they would see: the embed's figures and quotes, where it was posted,
 * and that nothing pings.
 */
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLOURS, renderEmbeds } from '../../../adapters/discord/render-embeds.ts';
import { loadEngine, type Answer, type Engine } from '../../../src/index.ts';
import { shownFigures } from '../../render/answer-parts.ts';
import { AutocompleteData, CallbackBody, type RecordedRequest } from './fake-discord.ts';
import {
  bodyOf,
  embedsOf,
  settledHandledCount,
  interactionReplies,
  isMessageSend,
  repliesTo,
  runCommand,
  sendMessage,
  startHarness,
  visibleText,
  waitForHandled,
  type Harness,
} from './harness.ts';
import { ALICE, BOT, IDS, OTHER_BOT, TOKEN, componentClick, interaction, message } from './payloads.ts';

const HAMPSHIRE_QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';

let engine: Engine;
let h: Harness;
beforeAll(async () => {
  engine = loadEngine();
  h = await startHarness(engine);
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/** Dispatches messages the bot must ignore, then a control question; returns what the ignored ones got. */
async function repliesToIgnored(ignored: Parameters<typeof message>[1][]): Promise<RecordedRequest[]> {
  const ids = ignored.map((options) => {
    const sent = message(h.fake, options);
    h.fake.dispatch('MESSAGE_CREATE', sent.payload);
    return sent.id;
  });
  // Messages are handled in order, and replies in one channel are sent in order: once the control
  // question is answered, any reply to the ignored messages would already have been made.
  await sendMessage(h, { content: `<@${BOT.id}> ${HAMPSHIRE_QUESTION}`, mentions: [BOT] });
  return ids.flatMap((id) => repliesTo(h.fake, id));
}

function expectShowsAnswer(requests: RecordedRequest[], answer: Answer): void {
  const seen = visibleText(embedsOf(requests));
  for (const figure of shownFigures(answer)) expect(seen).toContain(figure);
  for (const { quote } of answer.citations.flatMap((c) => c.quotes)) expect(seen).toContain(quote);
}

describe('connecting', () => {
  it('logs in over REST, identifies on the JSON gateway with only the intents it needs, and heartbeats', async () => {
    const gateway = h.fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gateway?.auth).toBe('valid');
    const connection = await h.fake.waitForHeartbeatAck();
    expect(connection.query).toEqual({ v: '10', encoding: 'json' }); // no compression
    expect(connection.identify).toEqual({
      tokenValid: true,
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    });
  });
});

describe('/ask', () => {
  it('defers at once, then edits the reply with the figure and its quoted source', async () => {
    const expected = engine.answer(HAMPSHIRE_QUESTION);
    expect(expected.status).toBe('answered');
    const { sent, callback } = await runCommand(h, 'ask', [{ name: 'question', type: 3, value: HAMPSHIRE_QUESTION }], expected);

    expect(CallbackBody.parse(callback.body)).toEqual({ type: 5, data: { flags: 0 } });
    expect(h.fake.requests.indexOf(callback)).toBeLessThan(h.fake.requests.indexOf(sent[0]!));
    expect(sent[0]!.method).toBe('PATCH');
    expect(sent[0]!.path).toMatch(/\/messages\/@original$/);

    const [main] = embedsOf(sent);
    expect(main!.color).toBe(COLOURS.answered);
    expect(visibleText([main!])).toContain('1,938');
    expect(main!.fields).toBeUndefined();
    expect(expected.citations.length).toBeGreaterThan(0);
    expectShowsAnswer(sent, expected);
  });

  it('answers in a DM', async () => {
    const expected = engine.answer(HAMPSHIRE_QUESTION);
    const command = interaction(h.fake, { kind: 'command', name: 'ask', dm: true, options: [{ name: 'question', type: 3, value: HAMPSHIRE_QUESTION }] });
    h.fake.dispatch('INTERACTION_CREATE', command.payload);
    const sent = await h.fake.waitForRequests((r) => interactionReplies(h.fake, command.token).includes(r), renderEmbeds(expected).length);
    expectShowsAnswer(sent, expected);
  });

  it('answers privately (ephemeral) when asked to', async () => {
    const expected = engine.answer(HAMPSHIRE_QUESTION);
    const { sent, callback } = await runCommand(
      h,
      'ask',
      [
        { name: 'question', type: 3, value: HAMPSHIRE_QUESTION },
        { name: 'private', type: 5, value: true },
      ],
      expected,
    );
    expect(CallbackBody.parse(callback.body)).toEqual({ type: 5, data: { flags: 64 } });
    expectShowsAnswer(sent, expected);
  });
});

describe('/force', () => {
  it('leads with the newest Hampshire figures, and gives every figure, privately, on "Every figure"', async () => {
    const summary = engine.forceCard('hampshire');
    const full = engine.forceCard('hampshire', { full: true });
    expect(summary.status).toBe('answered');
    const { sent } = await runCommand(h, 'force', [{ name: 'name', type: 3, value: 'hampshire' }], summary);
    expect(sent[0]!.method).toBe('PATCH');
    expectShowsAnswer(sent, summary);
    const card = visibleText(embedsOf(sent));
    expect(card).toContain('Every figure we hold on Hampshire and Isle of Wight Constabulary: the “Every figure” button below.');
    // The summary holds the newest figure of each measure: 2021-22's 1,938 and 2023-24's 1,365 wait for the click.
    expect(card).not.toContain('1,938');
    expect(card).not.toContain('1,365');

    const clicked = componentClick(h.fake, { messageId: sent.at(-1)!.messageId ?? '', button: { label: 'Every figure' } });
    h.fake.dispatch('INTERACTION_CREATE', clicked.payload);
    const replies = await h.fake.waitForRequests((r) => interactionReplies(h.fake, clicked.token).includes(r), renderEmbeds(full).length);
    const callback = h.fake.requests.find((r) => r.path === `/interactions/${clicked.id}/${clicked.token}/callback`);
    expect(CallbackBody.parse(callback?.body)).toEqual({ type: 5, data: { flags: 64 } });
    for (const followUp of replies.slice(1)) expect(bodyOf(followUp).flags).toBe(64);
    expectShowsAnswer(replies, full);
    const everything = visibleText(embedsOf(replies));
    expect(everything).toContain('1,938');
    expect(everything).toContain('1,365');
  });

  it('answers "Every figure" for a force it no longer knows (a button from an older card) by saying so, not with an error', async () => {
    const { sent } = await runCommand(h, 'force', [{ name: 'name', type: 3, value: 'hampshire' }], engine.forceCard('hampshire'));
    const messageId = sent.at(-1)!.messageId ?? '';
    const held = h.fake.messages.get(messageId);
    h.fake.messages.set(messageId, {
      ...held,
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Every figure', custom_id: 'fw-more:narnia' }] }],
    });
    const clicked = componentClick(h.fake, { messageId, button: { label: 'Every figure' } });
    h.fake.dispatch('INTERACTION_CREATE', clicked.payload);
    const [reply] = await h.fake.waitForRequests((r) => interactionReplies(h.fake, clicked.token).includes(r), 1);
    const shown = visibleText(embedsOf([reply!]));
    expect(shown).toContain("I don't know a police force called “narnia”.");
    expect(shown).not.toMatch(/sorry/i);
  });

  it('offers Hertfordshire Constabulary first when "herts" is typed', async () => {
    const typed = interaction(h.fake, { kind: 'autocomplete', name: 'force', options: [{ name: 'name', type: 3, value: 'herts', focused: true }] });
    h.fake.dispatch('INTERACTION_CREATE', typed.payload);
    const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${typed.id}/${typed.token}/callback`);
    const body = CallbackBody.parse(callback.body);
    expect(body.type).toBe(8);
    const { choices } = AutocompleteData.parse(body.data);
    expect(choices[0]?.name).toBe('Hertfordshire Constabulary');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('replies helpfully, not with an error, for a force we hold no data for', async () => {
    // Every force of the register holds figures since data/ingested: a name that is no force is the no-data case.
    const card = engine.forceCard('narnia constabulary');
    expect(card.status).toBe('no_data');
    const { sent } = await runCommand(h, 'force', [{ name: 'name', type: 3, value: 'narnia constabulary' }], card);
    const [main] = embedsOf(sent);
    expect(main!.color).toBe(COLOURS.no_data);
    expect(visibleText([main!])).toContain(card.text.trim());
    expect(bodyOf(sent[0]!).content ?? '').not.toMatch(/sorry/i);
  });
});

describe('messages', () => {
  it('answers an @mention in a server channel with a reply in that channel', async () => {
    const expected = engine.answer(HAMPSHIRE_QUESTION);
    const { id, reply } = await sendMessage(h, { content: `<@${BOT.id}> ${HAMPSHIRE_QUESTION}`, mentions: [BOT] });
    expect(reply.path).toBe(`/channels/${IDS.channel}/messages`);
    expect(bodyOf(reply).message_reference?.message_id).toBe(id);
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
    expectShowsAnswer(repliesTo(h.fake, id), expected);
  });

  it('answers a reply to one of its answers as a follow-up, in context', async () => {
    const before = await settledHandledCount(h);
    const first = await sendMessage(h, { content: `<@${BOT.id}> ${HAMPSHIRE_QUESTION}`, mentions: [BOT] });
    await waitForHandled(h, before + 1);
    const firstAnswer = engine.answer(HAMPSHIRE_QUESTION);
    const followUpQuestion = 'And in 2022-23?';
    const expected = engine.answer(followUpQuestion, {
      previous: { question: firstAnswer.question, ...(firstAnswer.frame ? { frame: firstAnswer.frame } : {}) },
    });

    // Discord's default reply pings the bot, which is what lets it read the reply's text.
    const { reply } = await sendMessage(h, { content: followUpQuestion, mentions: [BOT], replyTo: { id: first.reply.messageId!, author: BOT } });
    expect(reply.path).toBe(`/channels/${IDS.channel}/messages`);
    expect(visibleText(embedsOf([reply]))).toContain(expected.text.trim().slice(0, 200));
  });

  it('answers a DM in the DM', async () => {
    const { reply } = await sendMessage(h, { content: HAMPSHIRE_QUESTION, dm: true });
    expect(reply.path).toBe(`/channels/${IDS.dmChannel}/messages`);
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
  });
});

describe('safety', () => {
  it('does not treat @everyone or @here as mentioning the bot', async () => {
    const replies = await repliesToIgnored([
      { content: '@everyone', mentionEveryone: true },
      { content: '@here how many misconduct allegations in Hampshire?', mentionEveryone: true },
    ]);
    expect(replies).toEqual([]);
  });

  it('ignores other bots and itself, so it can never loop', async () => {
    const replies = await repliesToIgnored([
      { content: `<@${BOT.id}> ${HAMPSHIRE_QUESTION}`, author: OTHER_BOT, mentions: [BOT] },
      { content: `<@${BOT.id}> ${HAMPSHIRE_QUESTION}`, author: BOT, mentions: [BOT] },
    ]);
    expect(replies).toEqual([]);
  });

  it('answers an @everyone injection without pinging anyone', async () => {
    const { reply } = await sendMessage(h, {
      content: `@everyone @here <@&${IDS.role}> <@${ALICE.id}> <@${BOT.id}> ${HAMPSHIRE_QUESTION}`,
      mentions: [ALICE, BOT],
      mentionEveryone: true,
      mentionRoles: [IDS.role],
    });
    expect(bodyOf(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(visibleText(embedsOf([reply]))).toContain('1,938');

    const ask = interaction(h.fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: `@everyone ${HAMPSHIRE_QUESTION}` }] });
    h.fake.dispatch('INTERACTION_CREATE', ask.payload);
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(h.fake, ask.token).includes(r));
    expect(bodyOf(edit).allowed_mentions?.parse).toEqual([]);
  });

  it('sets allowed_mentions.parse to [] on every message it sent, and never pings the replied user', () => {
    const sends = h.fake.requests.filter(isMessageSend);
    expect(sends.length).toBeGreaterThan(10);
    for (const request of sends) {
      const mentions = bodyOf(request).allowed_mentions;
      expect(mentions?.parse, `${request.method} ${request.path}`).toEqual([]);
      expect(mentions?.replied_user ?? false).toBe(false);
      expect(mentions?.users ?? []).toEqual([]);
      expect(mentions?.roles ?? []).toEqual([]);
    }
    // A deferral carries no text, so there is nothing in it to ping with.
    for (const request of h.fake.requests.filter((r) => r.path.endsWith('/callback'))) {
      const body = CallbackBody.parse(request.body);
      expect([5, 8]).toContain(body.type);
    }
  });

  it('never writes the token to the log', () => {
    expect(h.logLines.length).toBeGreaterThan(20);
    const [id, timestamp, hmac] = TOKEN.split('.');
    for (const line of h.logLines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      for (const secret of [TOKEN, id!, timestamp!, hmac!]) expect(line).not.toContain(secret);
    }
  });
});
