/**
 * What reaches the log at debug level, with the real Bolt app and its Web API client: never the
 * words of a DM (which the client's request-body lines and the answer carry) unless
 * LOG_MESSAGE_TEXT=true, and never a password written into SLACK_API_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SlackHandle } from '../../../adapters/slack/app.ts';
import { DEFAULT_ADAPTER_SETTINGS } from '../../../adapters/shared/settings.ts';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { startHttpSlack } from './support/start-http.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { directMessage } from './support/slack-payloads.ts';

const SIGNING_SECRET = 'l06-5af3-5ec7e7-f0rcewa7c4516n1n';
const PASSWORD = 'hunter2-in-the-api-url';
const DM_WORDS = 'my neighbour Zebedee Quillfeather is a Hampshire officer';

const running: { slack: SlackHandle; fake: FakeSlackApi }[] = [];
afterAll(async () => {
  for (const { slack, fake } of running) {
    await slack.stop({ graceMs: 1_000 });
    await fake.close();
  }
});

/** Starts the adapter at debug level, asks one DM, and resolves with the log once it is answered. */
async function askInDm(logMessageText: boolean): Promise<LogSink> {
  const fake = await startFakeSlackApi();
  const sink = logSink();
  const apiUrl = fake.apiUrl.replace('http://', `http://forcewatch:${PASSWORD}@`);
  const { slack, eventsUrl } = await startHttpSlack(
    { botToken: 'xoxb-1-2-logs', signingSecret: SIGNING_SECRET, apiUrl, sink },
    { settings: { ...DEFAULT_ADAPTER_SETTINGS, logMessageText } },
  );
  running.push({ slack, fake });
  const { body } = directMessage('D0LOGS', `${DM_WORDS}: how many misconduct allegations in 2021-22?`);
  await postSigned(eventRequest(eventsUrl, SIGNING_SECRET, body));
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LOGS');
  await sink.waitFor((r) => r.msg === 'question handled');
  return sink;
}

describe('the Slack adapter’s log at debug level', () => {
  it('leaves out what a user typed and a password in SLACK_API_URL', async () => {
    const sink = await askInDm(false);
    const all = sink.lines.join('\n');
    expect(all).toContain('http request body: [left out');
    expect(all).not.toContain('Quillfeather');
    expect(all).not.toContain(PASSWORD);
  });

  it('shows the words when LOG_MESSAGE_TEXT is on, still without the password', async () => {
    const all = (await askInDm(true)).lines.join('\n');
    expect(all).toContain('Quillfeather');
    expect(all).not.toContain(PASSWORD);
  });
});
