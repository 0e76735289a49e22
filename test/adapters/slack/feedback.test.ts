/**
 * 👍 / 👎 and "Report a wrong figure" in Slack, end to end: the real Bolt app over HTTP against the
 * local Slack server, recording into the real embedded store (PGlite) in a temporary
 * FORCEWATCH_STATE_DIR. A Slack user sees the buttons under an answer, clicks them, fills in the
 * report modal and is thanked privately; `forcewatch report --json` then shows what they gave.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_ACTION, RATE_DOWN_ACTION, RATE_UP_ACTION } from '../../../adapters/slack/feedback/controls.ts';
import { createFeedbackRecorder, feedbackConfigFromEnv, type FeedbackRecorder, type FeedbackReport } from '../../../src/index.ts';
import { reportAfter } from '../support/feedback-report.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type PostedMessage, type RecordedCall } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { actionRequest, commandRequest, eventRequest, postSigned } from './support/sign.ts';
import { appMention, clickOn, directMessage, nextTs, slashCommand, viewSubmission } from './support/slack-payloads.ts';
import { startHttpSlack, type HttpSlack } from './support/start-http.ts';

const BOT_TOKEN = 'xoxb-5555555555-6666666666-feedbackBotTokenNeverLogged';
const SIGNING_SECRET = 'f33dbac45ec7e7f0rcewa7c4516n1n60';
const HAMPSHIRE = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const OFF_TOPIC = 'What is the capital of France?';
const NOTE = 'The Home Office table says 1,983 allegations, not 1,938.';
/** The first record creates the embedded database, which takes seconds. */
const WRITE_MS = 30_000;

let fake: FakeSlackApi;
let sink: LogSink;
let dir: string;
let recorder: FeedbackRecorder;
let bot: HttpSlack;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  sink = logSink();
  dir = mkdtempSync(join(tmpdir(), 'forcewatch-slack-feedback-'));
  const config = feedbackConfigFromEnv({ FORCEWATCH_STATE_DIR: join(dir, 'state'), RECORD_QUESTIONS: 'true' });
  recorder = createFeedbackRecorder(config, sink.logger);
  bot = await startHttpSlack(
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink },
    { feedback: { recorder, recordQuestions: true } },
  );
}, 60_000);

afterAll(async () => {
  await bot?.slack.stop();
  await recorder?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const signed = (url: string, payload: object) => postSigned(actionRequest(url, SIGNING_SECRET, payload));

/** Asks in a conversation of `at` and resolves with the answer as Slack keeps it (one message). */
async function ask(at: HttpSlack, event: { body: object }, channel: string): Promise<PostedMessage> {
  expect((await postSigned(eventRequest(at.eventsUrl, SIGNING_SECRET, event.body))).status).toBe(200);
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  const posted = fake.messages.find((m) => m.channel === channel);
  if (posted === undefined) throw new Error(`nothing posted in ${channel}`);
  return posted;
}

const mention = (channel: string, question: string, options: { threadTs?: string } = {}) =>
  ask(bot, appMention(channel, `<@${BOT_USER_ID}> ${question}`, options), channel);

/** Clicks `actionId` under a posted answer, as `user`; the click's response_url ends in `replyId`. */
function click(message: PostedMessage, actionId: string, replyId: string, options: { at?: HttpSlack; user?: string } = {}) {
  const payload = clickOn(message.blocks, actionId, {
    channel: String(message.channel),
    responseUrl: fake.responseUrl(replyId),
    triggerId: fake.triggerId(),
    message,
    ...(options.user === undefined ? {} : { user: options.user }),
  });
  return signed((options.at ?? bot).eventsUrl, payload);
}

/** The private reply sent through the response_url ending in `replyId`. */
async function privateReply(replyId: string, timeoutMs = WRITE_MS): Promise<RecordedCall> {
  const [call] = await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === replyId, 1, timeoutMs);
  if (call === undefined) throw new Error('no reply');
  return call;
}

const buttonsOf = (blocks: unknown) =>
  (blocks as { type: string; elements?: { action_id: string; text: { text: string }; value: string }[] }[]).flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []) : [],
  );

/** Opens the report form on `message` and resolves with the modal as Slack opened it. */
async function openReport(message: PostedMessage, replyId: string) {
  const opened = fake.views.length;
  expect((await click(message, REPORT_ACTION, replyId)).status).toBe(200);
  await fake.waitFor((c) => c.method === 'views.open', opened + 1);
  const view = fake.views[opened];
  if (view === undefined) throw new Error('no modal opened');
  return view;
}

describe('Slack answers offer 👍, 👎 and "Report a wrong figure"', () => {
  it('ends an answer with the three buttons, each carrying the answer’s id and nothing of the question', async () => {
    const answer = await mention('C0FBSHOW', HAMPSHIRE);
    const buttons = buttonsOf(answer.blocks);
    expect(buttons.map((b) => b.text.text)).toEqual(['👍', '👎', 'Report a wrong figure']);
    const [id] = buttons.map((b) => b.value);
    expect(id).toMatch(/^slack:C0FBSHOW:\d+\.\d+$/);
    expect(buttons.every((b) => b.value === id)).toBe(true);
  });

  it('records a 👍 and thanks the person privately; their 👎 on the same answer then replaces it', async () => {
    const answer = await mention('C0FBRATE', HAMPSHIRE);
    expect((await click(answer, RATE_UP_ACTION, 'rate-up')).status).toBe(200);
    const thanks = await privateReply('rate-up');
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shownText(thanks)).toContain('Thanks for the 👍');
    await click(answer, RATE_DOWN_ACTION, 'rate-down');
    expect(shownText(await privateReply('rate-down'))).toContain('Thanks for the 👎');
  }, 60_000);

  it('opens a form with a text field for a wrong figure; the note sent is recorded and the reporter thanked privately', async () => {
    // Asked in a thread someone else started.
    const answer = await mention('C0FBREPORT', HAMPSHIRE, { threadTs: nextTs() });
    const view = await openReport(answer, 'report');
    expect(view).toMatchObject({ title: { text: 'Report a wrong figure' }, submit: { text: 'Send report' } });
    expect(view.blocks).toContainEqual(
      expect.objectContaining({ type: 'input', element: expect.objectContaining({ type: 'plain_text_input', multiline: true, max_length: 2000 }) }),
    );
    const submitted = await signed(bot.eventsUrl, viewSubmission(view, { 'note.note': `  ${NOTE}\n` }));
    expect(submitted).toEqual({ status: 200, body: '' });
    expect(shownText(await privateReply('report'))).toContain('Thanks for the report');
    // The note is the reporter's words, like a question: never in a log line.
    expect(sink.lines.join('\n')).not.toContain('1,983 allegations');
  }, 60_000);

  it('keeps the form open, saying what is missing, when the note is only spaces', async () => {
    const answer = await mention('C0FBEMPTY', HAMPSHIRE);
    const view = await openReport(answer, 'empty');
    const submitted = await signed(bot.eventsUrl, viewSubmission(view, { 'note.note': '   ' }));
    expect(JSON.parse(submitted.body)).toEqual({ response_action: 'errors', errors: { note: 'Say what looks wrong with the figure.' } });
    expect(fake.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === 'empty')).toEqual([]);
  });

  it('offers them on a private /ask answer too, beside Share, and records that rating as a slash command’s', async () => {
    await postSigned(commandRequest(bot.eventsUrl, SIGNING_SECRET, slashCommand('/ask', HAMPSHIRE, 'C0FBASK', fake.responseUrl('ask'))));
    const [answer] = await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'ask');
    const blocks = answer?.body.blocks;
    expect(buttonsOf(blocks).map((b) => b.text.text)).toEqual(['Share in channel', '👍', '👎', 'Report a wrong figure']);
    // An ephemeral message is not sent back with its click.
    await signed(bot.eventsUrl, clickOn(blocks, RATE_UP_ACTION, { channel: 'C0FBASK', responseUrl: fake.responseUrl('ask-up') }));
    expect(shownText(await privateReply('ask-up'))).toContain('Thanks for the 👍');
  }, 60_000);

  it('puts them under a declined answer in a DM too (which is recorded: see the report below)', async () => {
    const answer = await ask(bot, directMessage('D0FBDECLINE', OFF_TOPIC), 'D0FBDECLINE');
    expect(buttonsOf(answer.blocks)).toHaveLength(3);
  });
});

describe('Slack feedback when something is missing', () => {
  let other: HttpSlack;
  let otherSink: LogSink;
  let broken: FeedbackRecorder;
  beforeAll(async () => {
    otherSink = logSink();
    // A second process of its own (no REDIS_URL, so nothing shared) whose store cannot be reached.
    broken = createFeedbackRecorder(
      { store: { kind: 'postgres', url: 'postgres://forcewatch:hunter2@127.0.0.1:1/feedback' }, recordQuestions: false },
      otherSink.logger,
    );
    other = await startHttpSlack(
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink: otherSink },
      { feedback: { recorder: broken, recordQuestions: false } },
    );
  });
  afterAll(async () => {
    await other?.slack.stop();
    await broken?.close();
  });

  it('says so privately when Slack will not open the report form', async () => {
    const answer = await mention('C0FBNOFORM', HAMPSHIRE);
    fake.failNext('views.open', 'expired_trigger_id');
    await click(answer, REPORT_ACTION, 'no-form');
    expect(shownText(await privateReply('no-form'))).toContain('the report form could not be opened just now');
  });

  it('tells the person an answer it no longer has on record could not be rated', async () => {
    const answer = await mention('C0FBGONE', HAMPSHIRE);
    await click(answer, RATE_UP_ACTION, 'gone', { at: other });
    expect(shownText(await privateReply('gone'))).toMatch(/no longer have that answer on record.*was not recorded/);
  });

  it('answers as usual when the store cannot be written, and tells the person their rating was not saved', async () => {
    const answer = await ask(other, appMention('C0FBBROKEN', `<@${BOT_USER_ID}> ${HAMPSHIRE}`), 'C0FBBROKEN');
    expect(shownText(fake.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0FBBROKEN') as RecordedCall)).toContain('1,938');
    await click(answer, RATE_UP_ACTION, 'broken', { at: other });
    expect(shownText(await privateReply('broken'))).toContain('your rating could not be saved just now');
    const failure = otherSink.records().find((r) => r.msg === 'could not record feedback');
    expect(String(failure?.error)).toContain('PostgreSQL at 127.0.0.1:1/feedback');
    expect(otherSink.lines.join('\n')).not.toContain('hunter2');
  });

  it('still answers a declined question when it cannot be recorded', async () => {
    await ask(other, directMessage('D0FBBROKEN', OFF_TOPIC), 'D0FBBROKEN');
    await otherSink.waitFor((r) => r.msg === 'could not record a declined answer');
  });
});

describe('forcewatch report --json, after the clicks', () => {
  let report: FeedbackReport;
  beforeAll(async () => {
    report = await reportAfter(() => bot.slack.stop(), recorder, join(dir, 'state'));
  }, 60_000);

  it('counts the ratings by surface, the 👍 changed to 👎 once', () => {
    expect(report.ratings).toEqual(
      expect.arrayContaining([
        { type: 'lookup', platform: 'slack', conversation: 'channel', up: 0, down: 1 },
        { type: 'lookup', platform: 'slack', conversation: 'slash_command', up: 1, down: 0 },
      ]),
    );
    expect(report.ratings).toHaveLength(2);
  });

  it('lists the reported figure with the note, the thread it came from and, as RECORD_QUESTIONS is on, the question', () => {
    expect(report.reports).toEqual([
      expect.objectContaining({
        figure: 'hampshire/complaint-allegations/2021-22',
        shown: [1938],
        current: [1938],
        notes: [
          expect.objectContaining({
            note: NOTE,
            platform: 'slack',
            conversation: 'thread',
            question: HAMPSHIRE,
            answerId: expect.stringMatching(/^slack:C0FBREPORT:/),
          }),
        ],
      }),
    ]);
  });

  it('lists the declined question with its reason and words', () => {
    expect(report.declined.byReason).toEqual([{ reason: 'off_topic', count: 1, questions: [OFF_TOPIC] }]);
  });
});
