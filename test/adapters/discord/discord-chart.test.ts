/**
 * Charts on Discord, end to end: the real discord.js client answers a trend question, then attaches
 * the chart to one more message of the reply, sent as multipart form data (`files[0]` and
 * `attachments` in `payload_json`) to the local Discord-compatible server, which reads it as Discord
 * does and refuses an attachment that names no uploaded file.
 */
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadEngine } from '../../../src/index.ts';
import { bodyOf, interactionReplies, repliesTo, settledHandledCount, startHarness, type Harness } from './harness.ts';
import { BOT, IDS, TOKEN, interaction, message } from './payloads.ts';
import type { RecordedRequest } from './fake-discord.ts';

const TREND_QUESTION = 'How have complaints logged in England and Wales changed since 2020/21?';
const TITLE = 'Complaint cases logged, England and Wales, 2020-21 to 2024-25';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(loadEngine());
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/** What a Discord user sees of the chart message: its one line, the image and its alt text. */
function expectChart(request: RecordedRequest): void {
  const [file] = request.files;
  expect(file?.filename).toBe('complaint-cases-logged-england-and-wales-2020-21-to-2024-25.png');
  expect(file?.contentType).toBe('image/png');
  const png = PNG.sync.read(file?.data ?? Buffer.alloc(0));
  expect(png.width).toBeGreaterThanOrEqual(400);
  expect(png.height).toBeGreaterThanOrEqual(200);
  const body = bodyOf(request);
  // The title is data: escaped as Markdown, and nothing in the message can ping anyone.
  expect(body.content).toBe(`**Chart:** ${TITLE.replace(/-/g, '\\-')}`);
  expect(body.allowed_mentions?.parse).toEqual([]);
  expect(body).toMatchObject({ attachments: [{ id: '0', description: expect.stringMatching(/^Line chart\. Complaint cases logged/) }] });
}

describe('a chart on Discord', () => {
  it('follows the answer to a mention as an attached PNG, in reply to the question', async () => {
    const sent = message(h.fake, { content: `<@${BOT.id}> ${TREND_QUESTION}`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', sent.payload);
    const withFile = await h.fake.waitForRequest((r) => repliesTo(h.fake, sent.id).includes(r) && r.files.length > 0, 15_000);
    const replies = repliesTo(h.fake, sent.id);
    // The answer's text (the fallback) came first.
    expect(replies.indexOf(withFile)).toBeGreaterThan(0);
    expect(bodyOf(replies[0]!).embeds?.length).toBeGreaterThan(0);
    expectChart(withFile);
  });

  it('follows the answer to /ask as a follow-up carrying the PNG', async () => {
    // The first chart loads the chart libraries, which can stall this process past the test
    // gateway's 250 ms heartbeat, so the bot resumes its session: an interaction sent meanwhile
    // would be lost, as it would be on Discord.
    await settledHandledCount(h);
    await vi.waitFor(() => expect(h.fake.gatewayReady).toBe(true));
    const command = interaction(h.fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: TREND_QUESTION }] });
    h.fake.dispatch('INTERACTION_CREATE', command.payload);
    const withFile = await h.fake
      .waitForRequest((r) => interactionReplies(h.fake, command.token).includes(r) && r.files.length > 0, 15_000)
      .catch((error: unknown) => {
        // Say what the bot did instead: its warnings and its last requests.
        const warnings = h.logLines.filter((l) => /"level":(40|50)/.test(l));
        const last = h.fake.requests.slice(-6).map((r) => `${r.method} ${r.path} (${r.files.length} files)`);
        throw new Error(`${String(error)}\nwarnings:\n${warnings.join('\n')}\nlast requests:\n${last.join('\n')}`);
      });
    expect(withFile.method).toBe('POST');
    expectChart(withFile);
  });

  it('attaches nothing to an answer that is not a ranking, comparison, trend or change', async () => {
    const before = await settledHandledCount(h);
    const sent = message(h.fake, { content: `<@${BOT.id}> How many misconduct allegations were made against Hampshire police in 2021-22?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', sent.payload);
    await expect.poll(() => settledHandledCount(h)).toBeGreaterThan(before);
    const replies = repliesTo(h.fake, sent.id);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.files.length === 0)).toBe(true);
  });
});

describe('the local Discord server', () => {
  it('refuses, as Discord does, an attachment that names no uploaded file', async () => {
    const rest = new REST({ api: h.fake.apiUrl, retries: 0 }).setToken(TOKEN);
    const post = rest.post(Routes.channelMessages(IDS.channel), {
      body: { content: 'x', attachments: [{ id: 1, description: 'names files[1]' }] },
      files: [{ name: 'a.png', data: Buffer.from('png') }],
    });
    await expect(post).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(post).rejects.toMatchObject({ code: 50035, status: 400 });
  });
});
