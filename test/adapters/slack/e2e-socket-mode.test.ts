/**
 * End to end over Socket Mode: the real Bolt app opens a websocket to a local server speaking
 * Slack's protocol (apps.connections.open on the fake Web API hands out its URL, then `hello`,
 * then envelopes to acknowledge), and answers through the fake Web API and response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackConfigFromEnv, startSlack } from '../../../adapters/slack/index.ts';
import { MORE_ACTION_ID, renderAnswer } from '../../../adapters/slack/render-blocks.ts';
import { loadEngine, type Engine } from '../../../src/index.ts';
import { shownFigures } from '../../render/answer-parts.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { startFakeSocketMode, type FakeSocketMode } from './support/fake-socket-mode.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { appMention, clickOn, slashCommand } from './support/slack-payloads.ts';

const BOT_TOKEN = 'xoxb-4444444444-5555555555-socketBotTokenNeverLogged';
const APP_TOKEN = 'xapp-1-A0TEST-6666666666-socketAppTokenNeverLogged';
const HAMPSHIRE_QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';

let fake: FakeSlackApi;
let socket: FakeSocketMode;
let sink: LogSink;
let engine: Engine;
let slack: { stop(): Promise<void> } | undefined;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  socket = await startFakeSocketMode();
  fake.setSocketUrl(socket.url);
  sink = logSink();
  engine = loadEngine({ logger: sink.logger });
  const config = slackConfigFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
  if (config?.mode !== 'socket') throw new Error('expected a Socket Mode config');
  slack = await startSlack({ engine, logger: sink.logger, config });
  await socket.connected();
});

afterAll(async () => {
  await slack?.stop();
  await socket?.close();
  await fake?.close();
});

describe('Slack over Socket Mode', () => {
  it('opens its connection with the app token through SLACK_API_URL', () => {
    const open = fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.calls.find((c) => c.method === 'auth.test')?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('acknowledges an app_mention envelope and answers in the thread', async () => {
    const { ts, body } = appMention('C0SOCKET', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    const ack = await socket.send('events_api', 'env-mention-1', body);
    expect(ack.envelope_id).toBe('env-mention-1');
    const [reply] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SOCKET');
    expect(reply?.body.thread_ts).toBe(ts);
    const text = shownText(reply as RecordedCall);
    expect(text).toContain('1,938');
    for (const citation of engine.answer(HAMPSHIRE_QUESTION).citations) expect(text).toContain(citation.quote);
  });

  it('answers a redelivered envelope (retry_attempt) only once', async () => {
    const { body } = appMention('C0SOCKETRETRY', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    await socket.send('events_api', 'env-retry-1', body);
    await socket.send('events_api', 'env-retry-2', body, 1);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SOCKETRETRY');
    await sink.waitFor((r) => r.msg === 'skipped an event already handled');
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SOCKETRETRY')).toHaveLength(1);
  });

  it('acknowledges /force hampshire and answers privately through the response_url', async () => {
    const command = slashCommand('/force', 'hampshire', 'C0SOCKETCMD', fake.responseUrl('socket-force'));
    const ack = await socket.send('slash_commands', 'env-command-1', command);
    expect(ack.envelope_id).toBe('env-command-1');
    const [reply] = await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'socket-force');
    expect(reply?.body.response_type).toBe('ephemeral');
    for (const figure of shownFigures(engine.forceCard('hampshire'))) expect(shownText(reply as RecordedCall)).toContain(figure);
  });

  it('gives every figure once for an "Every figure" click, however often Socket Mode delivers it', async () => {
    const click = clickOn((await fake.waitFor((c) => c.responseUrlId === 'socket-force'))[0]?.body.blocks, MORE_ACTION_ID, {
      channel: 'C0SOCKETCMD',
      responseUrl: fake.responseUrl('socket-every'),
    });
    expect((await socket.send('interactive', 'env-every-1', click)).envelope_id).toBe('env-every-1');
    // Redelivered, as Slack does when it thinks the first was not acknowledged in time.
    await socket.send('interactive', 'env-every-1', click, 1);
    const parts = renderAnswer(engine.forceCard('hampshire', { full: true })).length;
    const replies = await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'socket-every', parts);
    const text = replies.map(shownText).join('\n');
    expect(text).toContain('1,938');
    expect(text).toContain('933');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((c) => c.responseUrlId === 'socket-every')).toHaveLength(parts);
  });

  it('reconnects when the websocket drops, and answers what arrives on the new connection', async () => {
    const before = socket.connections();
    socket.dropConnection();
    await socket.waitForConnections(before + 1);
    // Each connection is opened afresh through apps.connections.open, with the app token.
    expect(fake.calls.filter((c) => c.method === 'apps.connections.open').length).toBeGreaterThanOrEqual(before + 1);
    const { ts, body } = appMention('C0RECONNECT', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    const ack = await socket.send('events_api', 'env-after-reconnect', body);
    expect(ack.envelope_id).toBe('env-after-reconnect');
    const [reply] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0RECONNECT');
    expect(reply?.body.thread_ts).toBe(ts);
    expect(shownText(reply as RecordedCall)).toContain('1,938');
  });

  it('never writes the bot or app token to the logs', () => {
    const all = sink.lines.join('\n');
    expect(sink.lines.length).toBeGreaterThan(10);
    expect(all).not.toContain('socketBotTokenNeverLogged');
    expect(all).not.toContain('socketAppTokenNeverLogged');
  });

  it('keeps the connection ticket and the envelopes’ words out of its debug log', () => {
    const all = sink.lines.join('\n');
    expect(all).toContain('Received a message on the WebSocket: [left out');
    expect(all).not.toContain('fake-ticket');
    expect(all).not.toContain(HAMPSHIRE_QUESTION);
  });
});
