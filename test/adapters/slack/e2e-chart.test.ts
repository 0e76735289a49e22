/**
 * Charts in Slack, end to end: the real Bolt app over HTTP answers a trend question in the thread,
 * then uploads the chart with files.uploadV2's three steps to the local fake Web API, which keeps
 * the bytes as Slack would. The CSV goes the same way through the delivery hook, with the real
 * Web API client.
 */
import { WebClient } from '@slack/web-api';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackDelivery } from '../../../adapters/slack/delivery.ts';
import { DEFAULT_ADAPTER_SETTINGS } from '../../../adapters/shared/settings.ts';
import { BOT_USER_ID, startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention, directMessage } from './support/slack-payloads.ts';
import { startHttpSlack, type HttpSlack } from './support/start-http.ts';
import { TREND } from '../../chart/support/specs.ts';

const BOT_TOKEN = 'xoxb-2222222222-3333333333-chartBotToken';
const SIGNING_SECRET = 'c4a27c4a27c4a27c4a27c4a27c4a27c4';
const TREND_QUESTION = 'How have complaints logged in England and Wales changed since 2020/21?';

let fake: FakeSlackApi;
let sink: LogSink;
let http: HttpSlack;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  sink = logSink();
  http = await startHttpSlack({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink });
});

afterAll(async () => {
  await http.slack.stop({ graceMs: 1_000 });
  await fake.close();
});

const send = (body: object) => postSigned(eventRequest(http.eventsUrl, SIGNING_SECRET, body));

describe('a chart in Slack', () => {
  it('follows the answer to a trend question into its thread: a PNG of at least 400×200 with alt text and a title', async () => {
    const { ts, body } = appMention('C0CHART', `<@${BOT_USER_ID}> ${TREND_QUESTION}`);
    await send(body);
    const [complete] = await fake.waitFor((c) => c.method === 'files.completeUploadExternal', 1, 15_000);
    // The answer's text (the fallback) was posted in the thread first.
    const answerIndex = fake.calls.findIndex((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0CHART');
    expect(answerIndex).toBeGreaterThanOrEqual(0);
    expect(answerIndex).toBeLessThan(fake.calls.indexOf(complete!));
    expect(fake.calls[answerIndex]?.body.thread_ts).toBe(ts);

    const [file] = fake.files.files.filter((f) => f.shared?.channel === 'C0CHART');
    expect(file?.shared).toEqual({ channel: 'C0CHART', threadTs: ts, title: 'Complaint cases logged, England and Wales, 2020-21 to 2024-25' });
    expect(file?.filename).toBe('complaint-cases-logged-england-and-wales-2020-21-to-2024-25.png');
    expect(file?.altText).toMatch(/^Line chart\. Complaint cases logged, England and Wales.*2024-25: 94,940\.$/);
    const png = PNG.sync.read(file?.data ?? Buffer.alloc(0));
    expect(png.width).toBeGreaterThanOrEqual(400);
    expect(png.height).toBeGreaterThanOrEqual(200);
    // The upload went to the URL Slack handed out, as bytes of the length declared for it.
    expect(file?.data?.length).toBe(file?.length);
  });

  it('sends no file with an answer that is not a ranking, comparison, trend or change', async () => {
    const { body } = directMessage('D0LOOKUP', 'How many misconduct allegations were made against Hampshire police in 2021-22?');
    await send(body);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LOOKUP');
    // Once nothing is in flight, the answer is all there is.
    await expect.poll(() => http.slack.inFlight()).toBe(0);
    expect(fake.files.files.filter((f) => f.shared?.channel === 'D0LOOKUP')).toEqual([]);
  });
});

describe('SlackDelivery.postFiles', () => {
  it('uploads a chart and its CSV together at the top level of a DM', async () => {
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const delivery = new SlackDelivery(client, DEFAULT_ADAPTER_SETTINGS, sink.logger, [BOT_TOKEN]);
    await delivery.postFiles({ channel: 'D0FILES', threadTs: undefined, key: 'k' }, TREND, 'Year,Value\r\n2020-21,67732\r\n');
    const shared = fake.files.files.filter((f) => f.shared?.channel === 'D0FILES');
    expect(shared.map((f) => [f.filename, f.shared?.threadTs])).toEqual([
      ['complaint-cases-logged-england-and-wales-2020-21-to-2024-25.png', undefined],
      ['complaint-cases-logged-england-and-wales-2020-21-to-2024-25.csv', undefined],
    ]);
    expect(shared[1]?.data?.toString('utf8')).toBe('Year,Value\r\n2020-21,67732\r\n');
  });

  it('leaves the answer standing, and logs, when Slack refuses the upload', async () => {
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const delivery = new SlackDelivery(client, DEFAULT_ADAPTER_SETTINGS, sink.logger, [BOT_TOKEN]);
    fake.failNext('files.getUploadURLExternal', 'missing_scope');
    await expect(delivery.postFiles({ channel: 'C0NOSCOPE', threadTs: '1.2', key: 'k' }, TREND, undefined)).resolves.toBeUndefined();
    expect(sink.records().some((l) => l.msg === 'could not send the chart or CSV; the answer stands without it' && l.error === 'missing_scope')).toBe(true);
  });
});
