/**
 * End to end over HTTP: the real Bolt app, started by startSlack from environment-style config,
 * receives signed requests on loopback and talks to a local fake Slack Web API. Assertions read
 * what a Slack user would see: the channel, the thread, and the figures and quotes posted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackConfigFromEnv, startSlack } from '../../../adapters/slack/index.ts';
import { PROGRESS_DELAY_MS } from '../../../adapters/slack/progress.ts';
import { MORE_ACTION_ID, renderAnswer, SHARE_ACTION_ID } from '../../../adapters/slack/render-blocks.ts';
import { FAILURE_TEXT, loadEngine, renderText, type Engine } from '../../../src/index.ts';
import { shownFigures } from '../../render/answer-parts.ts';
import { BOT_ID, BOT_USER_ID, postedJson, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { actionRequest, commandRequest, eventRequest, postSigned, slackSignature } from './support/sign.ts';
import { appMention, buttonClick, directMessage, slashCommand, USER_ID } from './support/slack-payloads.ts';

const BOT_TOKEN = 'xoxb-2222222222-3333333333-e2eBotTokenNeverLogged';
const SIGNING_SECRET = '5ec7e7e2e0f0rcewa7c4516n1n65ec7e';
const HAMPSHIRE_QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const FAILURE_TRIGGER = 'please fail on purpose';

let fake: FakeSlackApi;
let sink: LogSink;
let engine: Engine;
let slack: { stop(): Promise<void>; port?: number | null };
let eventsUrl: string;

const send = (body: object, headers?: Record<string, string>) => postSigned(eventRequest(eventsUrl, SIGNING_SECRET, body, headers));
const command = (fields: Record<string, string>) => postSigned(commandRequest(eventsUrl, SIGNING_SECRET, fields));
const posts = (channel: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const waitForPost = (channel: string, count = 1, timeoutMs?: number) =>
  fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, count, timeoutMs);
const waitForResponse = (id: string, count = 1) => fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === id, count);
/** How many messages an answer takes in Slack, so a test waits for all of a long one. */
const partsOf = (answer: ReturnType<Engine['answer']>) => renderAnswer(answer, { shareValue: 'x' }).length;
const shown = (calls: RecordedCall[]) => calls.map(shownText).join('\n');
const hasShareButton = (calls: RecordedCall[]) => calls.some((c) => postedJson(c).includes('"Share in channel"'));

/** The value of the button `actionId` (the share button unless said) in a set of posted messages. */
function buttonValueIn(calls: RecordedCall[], actionId = SHARE_ACTION_ID): string {
  for (const call of calls) {
    const blocks = call.body.blocks;
    if (!Array.isArray(blocks)) continue;
    for (const block of blocks as { type?: string; elements?: { action_id?: string; value?: string }[] }[]) {
      const value = block.type === 'actions' ? block.elements?.find((e) => e.action_id === actionId)?.value : undefined;
      if (value !== undefined) return value;
    }
  }
  throw new Error(`no ${actionId} button posted`);
}
const shareValueIn = (calls: RecordedCall[]) => buttonValueIn(calls);
/** Clicks "Every figure" under a /force reply, as its clicker, and resolves with the private reply. */
async function clickEveryFigure(card: RecordedCall[], channel: string, responseUrlId: string): Promise<RecordedCall[]> {
  const click = buttonClick(channel, MORE_ACTION_ID, buttonValueIn(card, MORE_ACTION_ID), fake.responseUrl(responseUrlId));
  expect((await postSigned(actionRequest(eventsUrl, SIGNING_SECRET, click))).status).toBe(200);
  return waitForResponse(responseUrlId, partsOf(engine.forceCard('hampshire', { full: true })));
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
  sink = logSink();
  const real = loadEngine({ logger: sink.logger });
  // The real engine, with one way to make it fail so the failure path can be seen end to end.
  engine = {
    ...real,
    answer: (question, conversation) => {
      if (question.includes(FAILURE_TRIGGER)) throw new Error('engine exploded on purpose');
      return real.answer(question, conversation);
    },
  };
  const config = slackConfigFromEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
  });
  if (config === null) throw new Error('expected a Slack config');
  slack = await startSlack({ engine, logger: sink.logger, config });
  if (typeof slack.port !== 'number') throw new Error('expected startSlack to report its port');
  eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

describe('Slack over HTTP', () => {
  it('checks its bot token with auth.test at start, against SLACK_API_URL', () => {
    const authTest = fake.calls.find((c) => c.method === 'auth.test');
    expect(authTest?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('answers Slack’s url_verification challenge', async () => {
    const response = await send({ token: 'legacy', challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV', type: 'url_verification' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('challenge-3eZbrw1aBm2rZgRNFdxV');
  });

  it('answers an @mention in a channel in the thread of the question, with figures and quotes', async () => {
    const { ts, body } = appMention('C0MENTION', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    expect((await send(body)).status).toBe(200);
    const [reply] = await waitForPost('C0MENTION');
    expect(reply?.body.thread_ts).toBe(ts);
    expect(reply?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const text = shownText(reply as RecordedCall);
    expect(text).toContain('1,938');
    const expected = engine.answer(HAMPSHIRE_QUESTION);
    expect(expected.citations.length).toBeGreaterThan(0);
    for (const citation of expected.citations) expect(text).toContain(citation.quote);
    expect(typeof reply?.body.text).toBe('string');
    expect(String(reply?.body.text)).toContain('1,938');
  });

  it('shows a slow answer is being worked on with a reaction, removed once answered', async () => {
    // Slack takes longer than PROGRESS_DELAY_MS to take the post.
    fake.injectFault('chat.postMessage', { kind: 'slow', ms: PROGRESS_DELAY_MS + 500 });
    const { ts, body } = appMention('C0REACT', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    await send(body);
    await fake.waitFor((c) => c.method === 'reactions.remove' && c.body.channel === 'C0REACT', 1, 10_000);
    const sequence = fake.calls.filter((c) => c.body.channel === 'C0REACT').map((c) => `${c.method}${c.body.timestamp === ts ? ':question' : ''}`);
    expect(sequence).toEqual(['reactions.add:question', 'chat.postMessage', 'reactions.remove:question']);
    expect(fake.calls.find((c) => c.method === 'reactions.add' && c.body.channel === 'C0REACT')?.body.name).toBe('hourglass_flowing_sand');
  });

  it('posts a prompt answer with one Web API call and no reaction', async () => {
    const { body } = appMention('C0PROMPT', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    await send(body);
    await waitForPost('C0PROMPT');
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_DELAY_MS + 300));
    expect(fake.calls.filter((c) => c.body.channel === 'C0PROMPT').map((c) => c.method)).toEqual(['chat.postMessage']);
  });

  it('answers a follow-up in the thread using the thread’s previous question', async () => {
    const first = appMention('C0THREAD', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    await send(first.body);
    await waitForPost('C0THREAD');
    const followUp = appMention('C0THREAD', `<@${BOT_USER_ID}> what about Hertfordshire?`, { threadTs: first.ts });
    await send(followUp.body);
    const replies = await waitForPost('C0THREAD', 2);
    const reply = replies[1] as RecordedCall;
    expect(reply.body.thread_ts).toBe(first.ts);
    expect(shownText(reply)).toContain('1,972');
  });

  it('answers a direct message in the DM', async () => {
    const { body } = directMessage('D0DIRECT', HAMPSHIRE_QUESTION);
    await send(body);
    const [reply] = await waitForPost('D0DIRECT');
    expect(reply?.body.thread_ts).toBeUndefined();
    expect(shownText(reply as RecordedCall)).toContain('1,938');
  });

  it('shows /force hampshire only to the asker: the newest figures, the quotes, Share and "Every figure"', async () => {
    const response = await command(slashCommand('/force', 'hampshire', 'C0FORCE', fake.responseUrl('force-hampshire')));
    expect(response.status).toBe(200);
    const card = engine.forceCard('hampshire');
    expect(card.status).toBe('answered');
    const replies = await waitForResponse('force-hampshire', partsOf(card));
    for (const reply of replies) expect(reply.body.response_type).toBe('ephemeral');
    const text = shown(replies);
    for (const figure of shownFigures(card)) expect(text).toContain(figure);
    for (const { quote } of card.citations.flatMap((c) => c.quotes)) expect(text).toContain(quote);
    expect(text).toContain('Every figure we hold on Hampshire and Isle of Wight Constabulary: the “Every figure” button below.');
    // The newest figure of each measure: 2021-22's 1,938 and 2023-24's 1,365 wait for "Every figure".
    expect(text).not.toContain('1,938');
    expect(text).not.toContain('1,365');
    expect(hasShareButton(replies)).toBe(true);
    expect(JSON.parse(buttonValueIn(replies, MORE_ACTION_ID))).toEqual({ f: 'hampshire' });
    expect(posts('C0FORCE')).toHaveLength(0);
  });

  it('shows every Hampshire figure, only to the clicker, when "Every figure" is clicked, with its own Share button', async () => {
    await command(slashCommand('/force', 'hampshire', 'C0EVERY', fake.responseUrl('every-card')));
    const full = engine.forceCard('hampshire', { full: true });
    const replies = await clickEveryFigure(await waitForResponse('every-card', partsOf(engine.forceCard('hampshire'))), 'C0EVERY', 'every-click');
    for (const reply of replies) expect(reply.body.response_type).toBe('ephemeral');
    const text = shown(replies);
    expect(text).toContain('1,938');
    expect(text).toContain('1,365');
    for (const figure of shownFigures(full)) expect(text).toContain(figure);
    for (const citation of full.citations) expect(text).toContain(citation.url);
    expect(JSON.parse(shareValueIn(replies))).toEqual({ k: 'all', q: 'hampshire' });
    expect(posts('C0EVERY')).toHaveLength(0);
  });

  it('answers a replayed "Every figure" click once', async () => {
    await command(slashCommand('/force', 'hampshire', 'C0EVERYTWICE', fake.responseUrl('twice-card')));
    const card = await waitForResponse('twice-card', partsOf(engine.forceCard('hampshire')));
    const click = buttonClick('C0EVERYTWICE', MORE_ACTION_ID, buttonValueIn(card, MORE_ACTION_ID), fake.responseUrl('twice-click'));
    // The same click delivered again with another signing time (as Socket Mode redelivers a click it
    // thinks was not acknowledged), so the endpoint's replay check, which keys on the time, lets it by.
    const now = Math.floor(Date.now() / 1000);
    await postSigned({ ...actionRequest(eventsUrl, SIGNING_SECRET, click), timestamp: now });
    await postSigned({ ...actionRequest(eventsUrl, SIGNING_SECRET, click), timestamp: now - 1 });
    const parts = partsOf(engine.forceCard('hampshire', { full: true }));
    await waitForResponse('twice-click', parts);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === 'twice-click')).toHaveLength(parts);
  });

  it('tells the clicker plainly when "Every figure" names a force it does not know', async () => {
    const click = buttonClick('C0EVERYODD', MORE_ACTION_ID, JSON.stringify({ f: 'narnia' }), fake.responseUrl('odd-click'));
    await postSigned(actionRequest(eventsUrl, SIGNING_SECRET, click));
    const [reply] = await waitForResponse('odd-click');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(shownText(reply as RecordedCall)).toContain("I don't know a police force called “narnia”.");
  });

  it('ignores an "Every figure" click whose value is not a force id alone', async () => {
    for (const value of ['{"f":"hampshire","q":"<!channel>"}', 'hampshire', '{"f":""}']) {
      const click = buttonClick('C0EVERYBAD', MORE_ACTION_ID, value, fake.responseUrl('bad-click'));
      expect((await postSigned(actionRequest(eventsUrl, SIGNING_SECRET, click))).status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((c) => c.responseUrlId === 'bad-click')).toHaveLength(0);
  });

  it('posts the card publicly when the Share button is clicked', async () => {
    const card = engine.forceCard('hampshire');
    await command(slashCommand('/force', 'hampshire', 'C0SHARE', fake.responseUrl('share-card')));
    const value = shareValueIn(await waitForResponse('share-card', partsOf(card)));
    const click = buttonClick('C0SHARE', 'forcewatch_share', value, fake.responseUrl('share-click'));
    expect((await postSigned(actionRequest(eventsUrl, SIGNING_SECRET, click))).status).toBe(200);
    const shared = await waitForPost('C0SHARE', partsOf(card));
    const text = shown(shared);
    for (const figure of shownFigures(card)) expect(text).toContain(figure);
    expect(text).toContain(`Shared by <@${USER_ID}>`);
    for (const { quote } of card.citations.flatMap((c) => c.quotes)) expect(text).toContain(quote);
    expect(shared.every((c) => c.body.thread_ts === undefined)).toBe(true);
    expect(hasShareButton(shared)).toBe(false);
    const [confirmation] = await waitForResponse('share-click');
    expect(confirmation?.body.replace_original).toBe(true);
  });

  it('posts every figure publicly when the Share button under "Every figure" is clicked', async () => {
    await command(slashCommand('/force', 'hampshire', 'C0SHAREALL', fake.responseUrl('shareall-card')));
    const replies = await clickEveryFigure(await waitForResponse('shareall-card', partsOf(engine.forceCard('hampshire'))), 'C0SHAREALL', 'shareall-every');
    const click = buttonClick('C0SHAREALL', 'forcewatch_share', shareValueIn(replies), fake.responseUrl('shareall-click'));
    await postSigned(actionRequest(eventsUrl, SIGNING_SECRET, click));
    const shared = shown(await waitForPost('C0SHAREALL', partsOf(engine.forceCard('hampshire', { full: true }))));
    expect(shared).toContain('1,938');
    expect(shared).toContain('933');
  });

  it('shares through the response_url when the bot is not in the channel', async () => {
    await command(slashCommand('/force', 'hampshire', 'C0NOTIN', fake.responseUrl('notin-card')));
    const value = shareValueIn(await waitForResponse('notin-card', partsOf(engine.forceCard('hampshire'))));
    fake.failNext('chat.postMessage', 'not_in_channel');
    await postSigned(actionRequest(eventsUrl, SIGNING_SECRET, buttonClick('C0NOTIN', 'forcewatch_share', value, fake.responseUrl('notin-click'))));
    const [shared] = await waitForResponse('notin-click');
    expect(shared?.body.response_type).toBe('in_channel');
    expect(shownText(shared as RecordedCall)).toContain('5,156');
  });

  it('answers /force for a force we hold no data for with what we do hold, not an error', async () => {
    // Every force of the register holds figures since data/ingested: a name that is no force is the no-data case.
    await command(slashCommand('/force', 'narnia constabulary', 'C0NODATA', fake.responseUrl('nodata')));
    const [reply] = await waitForResponse('nodata');
    expect(reply?.body.response_type).toBe('ephemeral');
    const text = shownText(reply as RecordedCall);
    expect(engine.forceCard('narnia constabulary').status).toBe('no_data');
    expect(text).toMatch(/narnia/i);
    expect(text).toMatch(/We hold figures/);
    expect(text).not.toMatch(/went wrong/i);
    expect(hasShareButton([reply as RecordedCall])).toBe(false);
  });

  it('answers /force with no name in the engine’s words: what it needs and what we hold', async () => {
    await command(slashCommand('/force', '', 'C0USAGE', fake.responseUrl('usage')));
    const [reply] = await waitForResponse('usage');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(shownText(reply as RecordedCall)).toContain(renderText(engine.forceCard('')));
    expect(shownText(reply as RecordedCall)).toContain('Name a force to see its card. We hold figures for');
  });

  it('answers /ask with no question with the engine’s help, naming /force', async () => {
    await command(slashCommand('/ask', '', 'C0ASKUSAGE', fake.responseUrl('ask-usage')));
    const [reply] = await waitForResponse('ask-usage');
    const text = shownText(reply as RecordedCall);
    expect(text).toContain('Ask me about police misconduct and complaints figures in England and Wales');
    expect(text).toContain('All we hold on Hampshire and Isle of Wight Constabulary: /force Hampshire and Isle of Wight Constabulary.');
    expect(hasShareButton([reply as RecordedCall])).toBe(false);
  });

  it('answers /ask privately with a Share button', async () => {
    await command(slashCommand('/ask', HAMPSHIRE_QUESTION, 'C0ASK', fake.responseUrl('ask')));
    const replies = await waitForResponse('ask', partsOf(engine.answer(HAMPSHIRE_QUESTION)));
    expect(replies[0]?.body.response_type).toBe('ephemeral');
    expect(shown(replies)).toContain('1,938');
    expect(hasShareButton(replies)).toBe(true);
    expect(posts('C0ASK')).toHaveLength(0);
  });

  it('answers a slash command that came without a response_url with chat.postEphemeral', async () => {
    const { response_url: _dropped, ...fields } = slashCommand('/ask', HAMPSHIRE_QUESTION, 'C0NOURL', 'http://unused.invalid/');
    await command(fields);
    const [reply] = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.body.channel === 'C0NOURL');
    expect(reply?.body.user).toBe(USER_ID);
    expect(shownText(reply as RecordedCall)).toContain('1,938');
  });

  it('explains what it does when mentioned with no question', async () => {
    const { ts, body } = appMention('C0EMPTY', `<@${BOT_USER_ID}>`);
    await send(body);
    const [reply] = await waitForPost('C0EMPTY');
    expect(reply?.body.thread_ts).toBe(ts);
    expect(shownText(reply as RecordedCall)).toContain('Ask me about police misconduct and complaints figures in England and Wales');
    expect(shownText(reply as RecordedCall)).toContain('/force Hampshire and Isle of Wight Constabulary');
  });

  it('answers an event Slack retried (X-Slack-Retry-Num) only once', async () => {
    const { body } = appMention('C0RETRY', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    await send(body);
    await send(body, { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' });
    await send(body, { 'X-Slack-Retry-Num': '2', 'X-Slack-Retry-Reason': 'http_timeout' });
    await waitForPost('C0RETRY');
    await sink.waitFor((r) => r.msg === 'skipped an event already handled' && r.retryNum === 2);
    await sink.waitFor((r) => r.msg === 'skipped an event already handled' && r.retryNum === 1);
    expect(posts('C0RETRY')).toHaveLength(1);
  });

  it('acknowledges a burst of mentions at once while their answers wait their turn, then answers each once', async () => {
    // Each answer's post is held up for a while: no answer can be posted until well after every
    // event of the burst has been acknowledged, if acks do not wait for answers.
    const burst = 24;
    fake.injectFault('chat.postMessage', { kind: 'slow', ms: 1_500 }, burst);
    const mentions = Array.from({ length: burst }, (_, i) => appMention('C0BURST', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`, { user: `U0BURST${i}` }));
    const responses = await Promise.all(mentions.map(({ body }) => send(body)));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: burst }, () => 200));
    expect(posts('C0BURST')).toHaveLength(0);
    const parts = partsOf(engine.answer(HAMPSHIRE_QUESTION));
    await waitForPost('C0BURST', burst * parts, 20_000);
    for (const { ts } of mentions) expect(posts('C0BURST').filter((c) => c.body.thread_ts === ts)).toHaveLength(parts);
    expect(posts('C0BURST')).toHaveLength(burst * parts);
  }, 30_000);

  it('rejects a forged signature, a missing one and a stale timestamp with 401, posting nothing', async () => {
    const forged = appMention('C0FORGED', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    const request = eventRequest(eventsUrl, SIGNING_SECRET, forged.body);
    const wrongSecret = slackSignature('not-the-secret', Math.floor(Date.now() / 1000), request.body);
    expect((await postSigned({ ...request, signature: wrongSecret })).status).toBe(401);

    const unsigned = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
    expect(unsigned.status).toBe(401);

    const stale = appMention('C0STALE', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSigned({ ...eventRequest(eventsUrl, SIGNING_SECRET, stale.body), timestamp: sixMinutesAgo })).status).toBe(401);

    // A genuine request after them is answered: by then the rejected ones would have been too.
    await send(appMention('C0GENUINE', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`).body);
    await waitForPost('C0GENUINE');
    expect(fake.calls.filter((c) => c.body.channel === 'C0FORGED' || c.body.channel === 'C0STALE')).toHaveLength(0);
  });

  it('never posts a live <!channel>, <!here> or <@U123> typed by a user', async () => {
    const injection = '<!channel> <!here> <@U123> &lt;!channel&gt; how many allegations against <@U123> police?';
    await send(appMention('C0INJECT', `<@${BOT_USER_ID}> ${injection}`).body);
    await send(directMessage('D0INJECT', injection).body);
    // A force name the engine does not know is echoed back in its reply: the echo must stay text.
    await command(slashCommand('/force', '<!channel> &lt;!here&gt; <@UABCDEF>', 'C0INJECT', fake.responseUrl('inject-force')));
    await command(slashCommand('/ask', injection, 'C0INJECT', fake.responseUrl('inject-ask')));
    const posted = [
      ...(await waitForPost('C0INJECT')),
      ...(await waitForPost('D0INJECT')),
      ...(await waitForResponse('inject-force')),
      ...(await waitForResponse('inject-ask')),
    ];
    for (const call of posted) {
      const json = postedJson(call);
      expect(json).not.toContain('<!channel>');
      expect(json).not.toContain('<!here>');
      expect(json).not.toContain('<@U123>');
      expect(json).not.toContain('<@UABCDEF>');
    }
    const forceReply = posted.find((c) => c.responseUrlId === 'inject-force') as RecordedCall;
    expect(postedJson(forceReply)).toContain('&lt;!here&gt;');
    expect(shownText(forceReply)).toContain('<!here>');
  });

  it('ignores other bots’ messages and its own', async () => {
    await send(directMessage('D0OTHERBOT', HAMPSHIRE_QUESTION, { botId: 'B0OTHER', subtype: 'bot_message' }).body);
    await send(appMention('C0SELF', `<@${BOT_USER_ID}> ${HAMPSHIRE_QUESTION}`, { user: BOT_USER_ID, botId: BOT_ID }).body);
    await send(directMessage('D0SELF', HAMPSHIRE_QUESTION, { user: BOT_USER_ID, botId: BOT_ID }).body);
    await send(directMessage('D0AFTER', HAMPSHIRE_QUESTION).body);
    await waitForPost('D0AFTER');
    expect(fake.calls.filter((c) => ['D0OTHERBOT', 'C0SELF', 'D0SELF'].includes(String(c.body.channel)))).toHaveLength(0);
  });

  it('tells the user in words when answering fails', async () => {
    const { ts, body } = appMention('C0FAIL', `<@${BOT_USER_ID}> ${FAILURE_TRIGGER}`);
    await send(body);
    const [reply] = await waitForPost('C0FAIL');
    expect(reply?.body.thread_ts).toBe(ts);
    expect(shownText(reply as RecordedCall)).toBe(FAILURE_TEXT);
  });

  it('never writes the bot token or the signing secret to the logs', () => {
    expect(sink.lines.length).toBeGreaterThan(20);
    const all = sink.lines.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain('e2eBotTokenNeverLogged');
  });
});
