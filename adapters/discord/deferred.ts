/**
 * Deferred `/ask` and `/force` replies that outlive the process that deferred them. Once a reply
 * is deferred, Discord shows "thinking…" until it is edited, for as long as the interaction token
 * lives (15 minutes); a process killed in between used to leave it thinking for ever. With
 * REDIS_URL, each deferred reply is recorded in Redis with a lease its process renews while it
 * answers; a sweeper in every replica (and in the process when it starts again) takes up a record
 * whose lease has lapsed and answers it through the token, or, once the token is nearly spent,
 * drops it.
 */
import { randomUUID } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../src/index.ts';
import { parseJsonOrUndefined } from '../shared/json.ts';
import type { QueueConfig } from '../shared/queue/work-queue.ts';
import { redactRedisUrl } from '../shared/state/redis.ts';
import { NO_PINGS, type OutgoingMessage, type SendMessage } from './deliver.ts';

/** Interaction tokens last 15 minutes; past 14 there is no time to answer safely. */
export const TOKEN_USABLE_MS = 14 * 60 * 1000;
/** Discord's flag for a message only the asker sees. */
const EPHEMERAL = 64;

/** A deferred reply, as recorded. */
export const DeferredReply = z.object({
  id: z.string(),
  token: z.string(),
  applicationId: z.string(),
  command: z.enum(['ask', 'force']),
  value: z.string(),
  private: z.boolean(),
  deferredAt: z.number(),
});
export type DeferredReply = z.infer<typeof DeferredReply>;

/** Answers a deferred reply taken up from another process, through `send`. */
export type AnswerDeferred = (reply: DeferredReply, send: SendMessage, log: Logger) => Promise<void>;

const MessageId = z.object({ id: z.string() }).loose();

export class DeferredReplies {
  readonly #redis: Redis;
  readonly #config: QueueConfig;
  readonly #log: Logger;
  readonly #records: string;
  readonly #owner = randomUUID();
  #sweeper: NodeJS.Timeout | undefined;

  constructor(config: QueueConfig, log: Logger) {
    this.#config = config;
    this.#log = log;
    this.#records = `${config.prefix}discord:deferred`;
    this.#redis = new Redis(config.url, { maxRetriesPerRequest: 1 });
    this.#redis.on('error', (error: Error) => log.warn({ error: error.message, url: redactRedisUrl(config.url) }, 'Redis connection error'));
  }

  #lease(id: string): string {
    return `${this.#config.prefix}discord:deferred-lease:${id}`;
  }

  /**
   * Records a reply just deferred and holds its lease while `work` answers it; forgets it after.
   * A Redis failure only costs the safety net: the answer goes ahead.
   */
  async hold<T>(reply: DeferredReply, work: () => Promise<T>): Promise<T> {
    const lease = this.#lease(reply.id);
    await this.#redis
      .multi()
      .hset(this.#records, reply.id, JSON.stringify(reply))
      .set(lease, this.#owner, 'PX', this.#config.leaseMs)
      .exec()
      .catch((error: unknown) => this.#log.error({ error: String(error) }, 'could not record a deferred reply'));
    const renew = setInterval(
      () => {
        void this.#redis.set(lease, this.#owner, 'PX', this.#config.leaseMs).catch(() => {});
      },
      Math.max(50, this.#config.leaseMs / 3),
    );
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.#redis
        .multi()
        .hdel(this.#records, reply.id)
        .del(lease)
        .exec()
        .catch(() => {});
    }
  }

  /** Starts looking for deferred replies whose process stopped renewing their lease (now, then
   * twice a lease), answering each through `rest` with `answer`. */
  startSweeping(rest: REST, answer: AnswerDeferred): void {
    const sweep = () => void this.#sweep(rest, answer).catch((error: unknown) => this.#log.error({ error: String(error) }, 'could not sweep deferred replies'));
    sweep();
    this.#sweeper = setInterval(sweep, Math.max(100, this.#config.leaseMs / 2));
  }

  async #sweep(rest: REST, answer: AnswerDeferred): Promise<void> {
    const records = await this.#redis.hgetall(this.#records);
    for (const [id, json] of Object.entries(records)) {
      const parsed = DeferredReply.safeParse(parseJsonOrUndefined(json));
      // Taking the lease is the claim: only one replica answers a lapsed reply.
      if (!parsed.success || (await this.#redis.set(this.#lease(id), this.#owner, 'PX', this.#config.leaseMs, 'NX')) !== 'OK') continue;
      const reply = parsed.data;
      if (Date.now() - reply.deferredAt > TOKEN_USABLE_MS) {
        this.#log.warn({ interaction: id }, 'a deferred reply left by a stopped process is past its token: dropped');
        await this.#redis.multi().hdel(this.#records, id).del(this.#lease(id)).exec();
        continue;
      }
      const log = this.#log.child({ interaction: id, command: reply.command });
      log.warn('answering a deferred reply left by a stopped process');
      await this.hold(reply, () => answer(reply, sendThrough(rest, reply), log));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}

/** Posts through an interaction's token with the REST client alone: the first message edits the
 * deferred reply, later ones follow it up. */
function sendThrough(rest: REST, reply: DeferredReply): SendMessage {
  let first = true;
  return async ({ files = [], ...message }: OutgoingMessage) => {
    // Files go as multipart parts `files[n]`, each described in the body's `attachments` by its n.
    const attached =
      files.length === 0
        ? {}
        : { attachments: files.map((f, id) => ({ id, filename: f.name, ...(f.description === undefined ? {} : { description: f.description }) })) };
    const body = { ...message, ...attached, allowed_mentions: { parse: NO_PINGS.parse } };
    const parts = { files: files.map((f) => ({ name: f.name, data: f.attachment })), auth: false };
    const sent = first
      ? await rest.patch(Routes.webhookMessage(reply.applicationId, reply.token, '@original'), { body, ...parts })
      : await rest.post(Routes.webhook(reply.applicationId, reply.token), { body: { ...body, ...(reply.private ? { flags: EPHEMERAL } : {}) }, ...parts });
    first = false;
    return MessageId.parse(sent);
  };
}
