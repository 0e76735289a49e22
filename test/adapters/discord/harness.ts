/**
 * Starts the real bot (startDiscord, real discord.js) against a fresh FakeDiscord, with the log
 * captured as JSON lines from a sink stream, and reads what a Discord user would see from the
 * recorded REST calls.
 */
import { Writable } from 'node:stream';
import { expect, vi } from 'vitest';
import { FOLLOW_UP_HINT } from '../../../adapters/discord/deliver.ts';
import type { DiscordDeps } from '../../../adapters/discord/client.ts';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { renderEmbeds } from '../../../adapters/discord/render-embeds.ts';
import type { AdapterSettings } from '../../../adapters/shared/settings.ts';
import { createLogger, type Answer, type Engine } from '../../../src/index.ts';
import { FakeDiscord, MessageBody, type EmbedBody, type RecordedRequest } from './fake-discord.ts';
import { displayed } from './markdown.ts';
import { BOT, GUILD, IDS, TOKEN, interaction, message } from './payloads.ts';

export interface Harness {
  fake: FakeDiscord;
  logLines: string[];
  /** Questions the bot is answering right now. */
  inFlight(): number;
  /** Stops the bot and starts another on the same fake, as a deploy does: with `deps`' state and
   * feedback, or none of the old process's. */
  restart(deps?: BotDeps): Promise<void>;
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** What a test may give the bot besides its config. */
export type BotDeps = Pick<DiscordDeps, 'state' | 'feedback'>;

/** A fake Discord, and the bot connected to it and ready; `settings` as `npm start` would pass them. */
export async function startHarness(engine: Engine, settings?: AdapterSettings, deps: BotDeps = {}): Promise<Harness> {
  const fake = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD], heartbeatIntervalMs: 250 }).start();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  // Trace level, so discord.js's own debug lines are captured too and checked for the token.
  const logger = createLogger({ level: 'trace', destination: sink });
  const config = { token: TOKEN, applicationId: IDS.app, apiUrl: fake.apiUrl };
  const start = (extra: BotDeps) => startDiscord({ engine, logger, config, ...(settings === undefined ? {} : { settings }), ...extra });
  let bot = await start(deps);
  return {
    fake,
    logLines,
    inFlight: () => bot.inFlight(),
    async restart(next = {}) {
      await bot.stop();
      bot = await start(next);
    },
    async stop(options) {
      await bot.stop(options);
      await fake.close();
    },
  };
}

/** Whether a request posts or edits a message a user would see. */
/** Questions the bot has finished with (answered, posted, remembered for follow-ups), from its log. */
export function handledCount(h: Harness): number {
  return h.logLines.filter((line) => line.includes('"question handled"')).length;
}

/**
 * Waits until the bot has finished `count` questions: a follow-up sent before then could race the
 * bot's memory of its answer, which it records once Discord has acknowledged the post (a person
 * replies later than that).
 */
export async function waitForHandled(h: Harness, count: number): Promise<void> {
  await vi.waitFor(() => expect(handledCount(h)).toBeGreaterThanOrEqual(count));
}

/**
 * The count of questions finished once none is in flight: a count taken while an earlier test's
 * question is still being answered would let that one's finishing stand in for the next.
 */
export async function settledHandledCount(h: Harness): Promise<number> {
  await vi.waitFor(() => expect(h.inFlight()).toBe(0));
  return handledCount(h);
}

export function isMessageSend(request: RecordedRequest): boolean {
  if (request.duplicateOf !== undefined) return false;
  if (request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path)) return true;
  if (request.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(request.path)) return true;
  if (request.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(request.path)) return true;
  return false;
}

export function bodyOf(request: RecordedRequest): MessageBody {
  return MessageBody.parse(request.body);
}

/** The embeds of every message-sending request among `requests`. */
export function embedsOf(requests: RecordedRequest[]): EmbedBody[] {
  return requests.filter(isMessageSend).flatMap((r) => bodyOf(r).embeds ?? []);
}

/** The parts of an embed that hold text: what the bot sent (`EmbedBody`) and what it rendered (`APIEmbed`). */
interface EmbedText {
  title?: string | undefined;
  description?: string | undefined;
  fields?: readonly { name: string; value: string }[] | undefined;
  footer?: { text: string } | undefined;
}

/** Every piece of embed text Discord renders as Markdown: titles, descriptions, field names and values, footers. */
export function embedTexts(embeds: readonly EmbedText[]): string[] {
  return embeds
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter((part): part is string => part !== undefined);
}

/** Embed text as a reader sees it: Markdown escapes removed. */
export function visibleText(embeds: EmbedBody[]): string {
  return embedTexts(embeds).map(displayed).join('\n');
}

/** Every message the bot sent in answer to an interaction, in order: the @original edit, then follow-ups. */
export function interactionReplies(fake: FakeDiscord, token: string): RecordedRequest[] {
  return fake.requests.filter((r) => isMessageSend(r) && (r.path.endsWith(`/${token}/messages/@original`) || r.path.endsWith(`/${token}`)));
}

/** Every message the bot posted as a reply to the given message. */
export function repliesTo(fake: FakeDiscord, messageId: string): RecordedRequest[] {
  return fake.requests.filter((r) => isMessageSend(r) && bodyOf(r).message_reference?.message_id === messageId);
}

/** Sends a slash command and waits until every message of its `expected` answer has been posted. */
export async function runCommand(h: Harness, name: 'ask' | 'force', options: Parameters<typeof interaction>[1]['options'], expected: Answer) {
  const command = interaction(h.fake, { kind: 'command', name, options });
  h.fake.dispatch('INTERACTION_CREATE', command.payload);
  const isPrivate = options.some((o) => o.name === 'private' && o.value === true);
  const count = renderEmbeds(expected, isPrivate ? {} : { footer: FOLLOW_UP_HINT }).length;
  const sent = await h.fake.waitForRequests((r) => interactionReplies(h.fake, command.token).includes(r), count);
  const callback = h.fake.requests.find((r) => r.path === `/interactions/${command.id}/${command.token}/callback`);
  return { ...command, sent, callback: callback! };
}

/** Sends a message and waits for the bot's first reply to it. */
export async function sendMessage(h: Harness, options: Parameters<typeof message>[1]): Promise<{ id: string; reply: RecordedRequest }> {
  const sent = message(h.fake, options);
  h.fake.dispatch('MESSAGE_CREATE', sent.payload);
  const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, sent.id).includes(r));
  return { id: sent.id, reply };
}
