/**
 * 👍 / 👎 and "Report a wrong figure" in Discord, end to end: the real discord.js client against
 * the local Discord-compatible server, recording into the real embedded store (PGlite) in a
 * temporary FORCEWATCH_STATE_DIR, with question words off (RECORD_QUESTIONS unset). A Discord user
 * sees the buttons under an answer, clicks them, fills in the report modal and is answered
 * privately; a bot restarted on Redis still knows the answer; `forcewatch report --json` then
 * shows what they gave.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisState } from '../../../adapters/shared/state/redis.ts';
import { createFeedbackRecorder, createLogger, feedbackConfigFromEnv, loadEngine, type FeedbackRecorder, type FeedbackReport } from '../../../src/index.ts';
import { reportAfter } from '../support/feedback-report.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { CallbackBody, type FakeUser, type RecordedRequest } from './fake-discord.ts';
import { bodyOf, interactionReplies, runCommand, sendMessage, startHarness, type Harness } from './harness.ts';
import { BOT, componentClick, modalSubmit } from './payloads.ts';

const HAMPSHIRE = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const OFF_TOPIC = 'What is the capital of France?';
const NOTE = 'The Home Office table says 1,983 allegations, not 1,938.';
const BOB: FakeUser = { id: '1180000000000000020', username: 'bob' };
/** The first record creates the embedded database, which takes seconds. */
const WRITE_MS = 30_000;

const engine = loadEngine();
const dir = mkdtempSync(join(tmpdir(), 'forcewatch-discord-feedback-'));
const stateDir = join(dir, 'state');
let recorder: FeedbackRecorder;
let h: Harness;

beforeAll(async () => {
  recorder = createFeedbackRecorder(feedbackConfigFromEnv({ FORCEWATCH_STATE_DIR: stateDir }));
  h = await startHarness(engine, undefined, { feedback: { recorder, recordQuestions: false } });
}, 60_000);

afterAll(async () => {
  await h?.stop();
  await recorder?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Mentions the bot and resolves with its answer, as the fake holds it. */
async function mention(question: string, options: { dm?: boolean } = {}): Promise<string> {
  const { reply } = await sendMessage(h, { content: options.dm ? question : `<@${BOT.id}> ${question}`, ...(options.dm ? { dm: true } : { mentions: [BOT] }) });
  return reply.messageId ?? expect.fail('the answer has no id');
}

/** Clicks a button under the answer `messageId` and resolves with the click's interaction. */
function click(messageId: string, button: { emoji?: string; label?: string }, by?: FakeUser) {
  const clicked = componentClick(h.fake, { messageId, button, ...(by === undefined ? {} : { by }) });
  h.fake.dispatch('INTERACTION_CREATE', clicked.payload);
  return clicked;
}

/** The private reply to an interaction: its deferred callback edited, or a message callback. */
async function privateReply(interaction: { id: string; token: string }): Promise<string> {
  const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, WRITE_MS);
  const { type, data } = CallbackBody.parse(callback.body);
  expect(bodyOf({ ...callback, body: data }).flags).toBe(64);
  if (type === 4) return String(bodyOf({ ...callback, body: data }).content);
  const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(h.fake, interaction.token).includes(r), WRITE_MS);
  return String(bodyOf(edit).content);
}

const buttonsOf = (request: RecordedRequest) =>
  (bodyOf(request).components as { components: { custom_id: string; label?: string; emoji?: { name: string } }[] }[] | undefined)?.flatMap(
    (row) => row.components,
  ) ?? [];

describe('Discord answers offer 👍, 👎 and "Report a wrong figure"', () => {
  it('puts the three buttons under an answer, their custom_ids carrying the answer’s id and nothing of the question', async () => {
    const { id, reply } = await sendMessage(h, { content: `<@${BOT.id}> ${HAMPSHIRE}`, mentions: [BOT] });
    const buttons = buttonsOf(reply);
    expect(buttons.map((b) => b.emoji?.name ?? b.label)).toEqual(['👍', '👎', 'Report a wrong figure']);
    expect(buttons.map((b) => b.custom_id)).toEqual([`fw:up:discord:${id}`, `fw:down:discord:${id}`, `fw:report:discord:${id}`]);
  });

  it('answers a 👍 privately once it is recorded; the same person’s 👎 then replaces it', async () => {
    const answer = await mention(HAMPSHIRE);
    expect(await privateReply(click(answer, { emoji: '👍' }))).toBe('Thanks for the 👍. It is recorded with this answer.');
    expect(await privateReply(click(answer, { emoji: '👎' }))).toMatch(/^Thanks for the 👎/);
  }, 60_000);

  it('shows a form with a text input for a wrong figure; the note submitted is recorded and the reporter answered privately', async () => {
    const answer = await mention(HAMPSHIRE);
    const opened = click(answer, { label: 'Report a wrong figure' });
    const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${opened.id}/${opened.token}/callback`);
    expect(CallbackBody.parse(callback.body).type).toBe(9);
    expect(h.fake.modals.get(opened.token)).toMatchObject({
      title: 'Report a wrong figure',
      components: [{ type: 18, label: 'What looks wrong?', component: { type: 4, style: 2, max_length: 2000, required: true } }],
    });
    const submitted = modalSubmit(h.fake, { openedBy: opened.token, values: { note: `  ${NOTE}\n` } });
    h.fake.dispatch('INTERACTION_CREATE', submitted.payload);
    expect(await privateReply(submitted)).toMatch(/^Thanks for the report/);
    // The note is the reporter's words, like a question: never in a log line (discord.js's own included).
    expect(h.logLines.join('\n')).not.toContain('1,983 allegations');
  }, 60_000);

  it('refuses a note of spaces alone, privately, saying what is missing', async () => {
    const answer = await mention(HAMPSHIRE);
    const opened = click(answer, { label: 'Report a wrong figure' });
    await h.fake.waitForRequest((r) => r.path === `/interactions/${opened.id}/${opened.token}/callback`);
    const submitted = modalSubmit(h.fake, { openedBy: opened.token, values: { note: '   ' } });
    h.fake.dispatch('INTERACTION_CREATE', submitted.payload);
    expect(await privateReply(submitted)).toMatch(/^Say what looks wrong with the figure\./);
  });

  it('offers them on a private /ask answer too, and records that rating as a slash command’s', async () => {
    const options = [
      { name: 'question', type: 3 as const, value: HAMPSHIRE },
      { name: 'private', type: 5 as const, value: true },
    ];
    const { sent } = await runCommand(h, 'ask', options, engine.answer(HAMPSHIRE));
    const last = sent.at(-1) ?? expect.fail('no answer');
    expect(buttonsOf(last)).toHaveLength(3);
    expect(await privateReply(click(last.messageId ?? '', { emoji: '👍' }))).toMatch(/^Thanks for the 👍/);
  }, 60_000);

  it('puts them under a declined answer in a DM too (which is recorded: see the report below)', async () => {
    const { reply } = await sendMessage(h, { content: OFF_TOPIC, dm: true });
    expect(buttonsOf(reply)).toHaveLength(3);
  });
});

describe('Discord feedback when something is missing', () => {
  let answeredBefore: string;
  let broken: FeedbackRecorder;
  beforeAll(async () => {
    answeredBefore = await mention(HAMPSHIRE);
    // A process of its own (no REDIS_URL, so nothing carried over) whose store cannot be reached.
    broken = createFeedbackRecorder(
      { store: { kind: 'postgres', url: 'postgres://forcewatch:hunter2@127.0.0.1:1/feedback' }, recordQuestions: false },
      createLogger({ level: 'silent' }),
    );
    await h.restart({ feedback: { recorder: broken, recordQuestions: false } });
  }, 60_000);
  afterAll(() => broken?.close());

  it('tells the person an answer from before a restart without Redis could not be rated', async () => {
    expect(await privateReply(click(answeredBefore, { emoji: '👍' }))).toMatch(/no longer have that answer on record/);
    const report = click(answeredBefore, { label: 'Report a wrong figure' });
    expect(await privateReply(report)).toMatch(/no longer have that answer on record.*your report was not recorded/);
  });

  it('answers as usual when the store cannot be written, and tells the person their rating was not saved', async () => {
    const answer = await mention(HAMPSHIRE);
    expect(await privateReply(click(answer, { emoji: '👍' }))).toMatch(/your rating could not be saved just now/);
    expect(h.logLines.join('\n')).not.toContain('hunter2');
  });
});

describe('Discord feedback on Redis', () => {
  const prefix = testPrefix('discord-feedback');
  const connections: RedisState[] = [];
  const connect = async () => {
    const state = await RedisState.connect(TEST_REDIS_URL, prefix, createLogger({ level: 'silent' }));
    connections.push(state);
    return state;
  };
  afterAll(async () => {
    await Promise.all(connections.map((state) => state.close()));
    await deletePrefix(prefix);
  });

  it('records a 👍 on an answer posted before the bot restarted', async () => {
    await requireRedis();
    await h.restart({ feedback: { recorder, recordQuestions: false }, state: await connect() });
    const answer = await mention(HAMPSHIRE);
    await h.restart({ feedback: { recorder, recordQuestions: false }, state: await connect() });
    expect(await privateReply(click(answer, { emoji: '👍' }, BOB))).toMatch(/^Thanks for the 👍/);
  }, 60_000);
});

describe('forcewatch report --json, after the clicks', () => {
  let report: FeedbackReport;
  beforeAll(async () => {
    report = await reportAfter(() => h.stop(), recorder, stateDir);
  }, 60_000);

  it('counts the ratings by surface: a changed 👍 once, as 👎', () => {
    expect(report.ratings).toEqual(
      expect.arrayContaining([
        { type: 'lookup', platform: 'discord', conversation: 'channel', up: 1, down: 1 },
        { type: 'lookup', platform: 'discord', conversation: 'slash_command', up: 1, down: 0 },
      ]),
    );
    expect(report.ratings).toHaveLength(2);
  });

  it('lists the reported figure with the note and where it was given, without the question’s words', () => {
    expect(report.reports).toEqual([
      expect.objectContaining({
        figure: 'hampshire/complaint-allegations/2021-22',
        shown: [1938],
        notes: [expect.objectContaining({ note: NOTE, platform: 'discord', conversation: 'channel', question: null })],
      }),
    ]);
  });

  it('lists the declined question by its reason, without its words', () => {
    expect(report.declined.byReason).toEqual([{ reason: 'off_topic', count: 1, questions: [] }]);
  });
});
