/**
 * End-to-end, the attack of issue 11: making the bot post, in its own voice, a link whose text hides
 * its target. The real engine on a copy of the bundled data poisoned with masked links (in a quote,
 * its source's title and publisher, and a force name), and the real discord.js client against the
 * local Discord-compatible server; `/force`, `/ask` and mentions carry masked links too. Every
 * message the server received is read the way Discord reads it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTarget } from '../../../adapters/discord/escape-markdown.ts';
import { questionFrom } from '../../../adapters/discord/messages.ts';
import { BUNDLED_DATA_DIR, loadEngine, type Answer, type Engine } from '../../../src/index.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { MARKDOWN_ATTACKS } from './fixtures.ts';
import { renderEmbeds } from '../../../adapters/discord/render-embeds.ts';
import { bodyOf, embedsOf, embedTexts, interactionReplies, isMessageSend, repliesTo, runCommand, sendMessage, startHarness, type Harness } from './harness.ts';
import { displayed, linkTargets } from './markdown.ts';
import { BOT, componentClick } from './payloads.ts';

const QUOTE_BEFORE = 'In the year to April 2022, Home Office figures show 1938';
const POISON = {
  quote: 'In the year to April 2022, [Click to verify your account](https://evil.example/quote) Home Office figures show 1938',
  title: 'Hampshire police faced 1,000 misconduct allegations last year [Log in](https://evil.example/title)',
  publisher: 'Hampshire Chronicle [Read the full report](<https://evil.example/publisher>)',
  force: 'Hampshire [and Isle of Wight](https://evil.example/force) Constabulary',
} as const;
const HAMPSHIRE_QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';

/** A copy of the bundled data whose Hampshire Chronicle article, its figure and Hampshire's name carry masked links. */
function poisonedData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'forcewatch-masked-links-'));
  cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`poisonedData: ${file} no longer holds ${JSON.stringify(from)}`);
    writeFileSync(path, text.replace(from, to));
  };
  edit('sources/hampshire-chronicle-misconduct-allegations.txt', QUOTE_BEFORE, POISON.quote);
  edit('figures.jsonl', QUOTE_BEFORE, POISON.quote);
  edit(
    'sources.jsonl',
    '"title": "News report on Home Office police misconduct figures for Hampshire and Isle of Wight Constabulary, 2021-22"',
    `"title": ${JSON.stringify(POISON.title)}`,
  );
  edit('sources.jsonl', '"publisher": "Hampshire Chronicle"', `"publisher": ${JSON.stringify(POISON.publisher)}`);
  edit('forces.jsonl', '"name": "Hampshire and Isle of Wight Constabulary"', `"name": ${JSON.stringify(POISON.force)}`);
  return dir;
}

let engine: Engine;
let h: Harness;

/** The bot on an engine loaded from the data `makeData` writes (the bundled data without it), for one describe block. */
function botOn(makeData?: () => string): void {
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = makeData?.();
    engine = loadEngine(dataDir === undefined ? {} : { dataDir });
    h = await startHarness(engine);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });
}

/** Every piece of Markdown in the messages a user would see: embed texts and message content. */
function markdownOf(requests: RecordedRequest[]): string[] {
  return requests.filter(isMessageSend).flatMap((request) => {
    const body = bodyOf(request);
    return [...embedTexts(body.embeds ?? []), ...(body.content ? [body.content] : [])];
  });
}

/** The only links allowed: the bot's own, one per citation of the answer. */
function expectOnlyCitationLinks(requests: RecordedRequest[], answer: Answer): void {
  const markdown = markdownOf(requests);
  expect(markdown.length).toBeGreaterThan(0);
  const targets = markdown.flatMap(linkTargets);
  expect(targets.filter((t) => t.includes('evil.example'))).toEqual([]);
  expect(new Set(targets)).toEqual(new Set(answer.citations.map((c) => linkTarget(c.url))));
}

function seen(requests: RecordedRequest[]): string {
  return markdownOf(requests).map(displayed).join('\n');
}

describe('masked links typed by a user', () => {
  botOn();

  it('/force with a masked link for a name: the name is echoed as typed, not as a link', async () => {
    const name = '[Click to verify your account](https://evil.example/login)';
    const expected = engine.forceCard(name);
    expect(expected.text).toContain(name); // the engine does echo it: the renderer must defuse it
    const { sent } = await runCommand(h, 'force', [{ name: 'name', type: 3, value: name }], expected);
    expectOnlyCitationLinks(sent, expected);
    expect(seen(sent)).toContain(`“${name}”`);
  });

  it('/ask with a masked link in the question: the answer links nothing', async () => {
    const question = 'what did [Click here](https://evil.example) say?';
    const expected = engine.answer(question);
    const { sent } = await runCommand(h, 'ask', [{ name: 'question', type: 3, value: question }], expected);
    expectOnlyCitationLinks(sent, expected);
    expect(seen(sent)).toContain(expected.text.trim());
  });

  it('a mention carrying every masked-link variant: each shows as typed, none links', async () => {
    for (const attack of MARKDOWN_ATTACKS) {
      const content = `<@${BOT.id}> what did ${attack} say?`;
      const expected = engine.answer(questionFrom(content, BOT.id));
      const { id } = await sendMessage(h, { content, mentions: [BOT] });
      const replies = repliesTo(h.fake, id);
      expectOnlyCitationLinks(replies, expected);
      expect(seen(replies)).toContain(expected.text.trim());
    }
  });
});

describe('masked links in the data', () => {
  // A poisoned force name holds "https", which the force finder matches in any address a user
  // types: these run on their own engine so the attacks above meet the real force register.
  botOn(poisonedData);

  it('/force, then "Every figure", shows the poisoned quote, title, publisher and force name as written; only citation links survive', async () => {
    const summary = engine.forceCard('hampshire');
    const card = engine.forceCard('hampshire', { full: true });
    expect(card.status).toBe('answered');
    expect(card.citations.some((c) => c.quote.includes(POISON.quote))).toBe(true);
    const { sent } = await runCommand(h, 'force', [{ name: 'name', type: 3, value: 'hampshire' }], summary);
    expectOnlyCitationLinks(sent, summary);
    expect(seen(sent)).toContain(`Every figure we hold on ${POISON.force}`);
    expect(displayed(embedsOf(sent)[0]!.title!)).toBe(`${POISON.force}: the newest figures`);

    const clicked = componentClick(h.fake, { messageId: sent.at(-1)!.messageId ?? '', button: { label: 'Every figure' } });
    h.fake.dispatch('INTERACTION_CREATE', clicked.payload);
    const full = await h.fake.waitForRequests((r) => interactionReplies(h.fake, clicked.token).includes(r), renderEmbeds(card).length);
    expectOnlyCitationLinks(full, card);
    const shown = seen(full);
    for (const text of Object.values(POISON)) expect(shown).toContain(text);
    expect(displayed(embedsOf(full)[0]!.title!)).toBe(`${POISON.force}: every figure we hold`);
  });

  it('an /ask answer citing the poisoned quote, and its plain-text fallback, link only the citations', async () => {
    const expected = engine.answer(HAMPSHIRE_QUESTION);
    expect(expected.citations.map((c) => c.publisher)).toContain(POISON.publisher);
    const { sent } = await runCommand(h, 'ask', [{ name: 'question', type: 3, value: HAMPSHIRE_QUESTION }], expected);
    expectOnlyCitationLinks(sent, expected);
    expect(seen(sent)).toContain(POISON.quote);

    h.fake.rejectNextMessageAsMalformed = true;
    const question = await sendMessage(h, { content: `<@${BOT.id}> ${HAMPSHIRE_QUESTION}`, mentions: [BOT] });
    const [rejected, ...fallback] = await h.fake.waitForRequests((r) => repliesTo(h.fake, question.id).includes(r), 2);
    expect(bodyOf(rejected!).embeds?.length).toBeGreaterThan(0);
    expect(fallback.every((r) => (bodyOf(r).embeds ?? []).length === 0)).toBe(true);
    expectOnlyCitationLinks(fallback, expected);
    for (const text of [POISON.quote, POISON.title, POISON.publisher, POISON.force]) expect(seen(fallback)).toContain(text);
  });
});
