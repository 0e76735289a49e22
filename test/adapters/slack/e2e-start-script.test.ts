/**
 * The documented way to run it: `npm run start:slack` (adapters/slack/main.ts) in its own process,
 * configured only through environment variables, with SLACK_API_URL pointing at a local fake.
 * A signed @mention must come back as a reply in the thread, posted to that fake.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention } from './support/slack-payloads.ts';

const BOT_TOKEN = 'xoxb-7777777777-8888888888-scriptBotTokenNeverLogged';
const SIGNING_SECRET = '5cr1p75ec7e7f0rcewa7c4516n1n6000';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let fake: FakeSlackApi;
let child: ChildProcess | undefined;
let stderr = '';
let port = 0;

/** Resolves with the port from the "Slack adapter listening" log line. */
function listeningPort(process: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start:slack did not start; stderr:\n${stderr}`)), 30_000);
    process.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /"port":(\d+),"path":"\/slack\/events"/.exec(stderr);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    process.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start:slack exited with ${code}; stderr:\n${stderr}`));
    });
  });
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
  // Same as `npm run start:slack` (tsx adapters/slack/main.ts), without npm in between so the
  // test can stop exactly the process it started.
  child = spawn(process.execPath, ['--import', 'tsx', 'adapters/slack/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  port = await listeningPort(child);
}, 40_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await fake?.close();
});

describe('npm run start:slack', () => {
  it('checks its token against SLACK_API_URL, then answers a signed @mention in the thread', async () => {
    expect(fake.calls.find((c) => c.method === 'auth.test')?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const { ts, body } = appMention('C0SCRIPT', `<@${BOT_USER_ID}> How many misconduct allegations were made against Hampshire police in 2021-22?`);
    const response = await postSigned(eventRequest(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, body));
    expect(response.status).toBe(200);
    const [reply] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SCRIPT', 1, 10_000);
    expect(reply?.body.thread_ts).toBe(ts);
    expect(shownText(reply as RecordedCall)).toContain('1,938');
  });

  it('keeps its secrets out of its logs', () => {
    expect(stderr.length).toBeGreaterThan(0);
    expect(stderr).not.toContain('scriptBotTokenNeverLogged');
    expect(stderr).not.toContain(SIGNING_SECRET);
  });
});
