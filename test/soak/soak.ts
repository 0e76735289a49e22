/**
 * A bounded soak on loopback, with the real adapters and the real engine against the local fake
 * Slack Web API and fake Discord server the adapter tests use: rounds of 500 concurrent signed
 * Slack @mentions (some redelivered, as Slack does after a slow ack) and a burst of Discord slash
 * commands and mentions, repeated for the duration. Counts, for every request, the replies a user
 * would see — lost (fewer than the answer's messages), duplicated (more) — and samples the heap
 * after a forced GC each round to show memory stays flat once the bounded maps are full.
 *
 * With `--replicas=2`, Slack runs as two replicas sharing one Redis (REDIS_URL, or the local one)
 * under a key prefix of the run's own, deleted afterwards: each request goes to one replica and
 * its redelivery to the other, and every question passes through the durable queue.
 *
 *   npm run soak               5 minutes (the figures in RELIABILITY.md)
 *   npm run soak -- --quick    one round, a few seconds (what CI runs, via soak.test.ts)
 *   npm run soak -- --seconds=60
 *   npm run soak -- --replicas=2 [--quick]
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { startDiscord } from '../../adapters/discord/index.ts';
import { renderEmbeds } from '../../adapters/discord/render-embeds.ts';
import { FOLLOW_UP_HINT } from '../../adapters/discord/deliver.ts';
import { slackConfigFromEnv, startSlack } from '../../adapters/slack/index.ts';
import { chartOfAnswer } from '../../adapters/shared/chart-of-answer.ts';
import { keepReportsOffTheNetwork } from '../../adapters/shared/process-guard.ts';
import { RedisState } from '../../adapters/shared/state/redis.ts';
import { deletePrefix, requireRedis, TEST_REDIS_URL } from '../adapters/support/redis.ts';
import { renderAnswer } from '../../adapters/slack/render-blocks.ts';
import { createLogger, loadEngine, type Engine } from '../../src/index.ts';
import { FakeDiscord } from '../adapters/discord/fake-discord.ts';
import { interactionReplies, isMessageSend, repliesTo } from '../adapters/discord/harness.ts';
import { BOT, GUILD, IDS, TOKEN, interaction, message } from '../adapters/discord/payloads.ts';
import { BOT_USER_ID, startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.ts';
import { eventRequest, postSigned, type SignedPost } from '../adapters/slack/support/sign.ts';
import { appMention } from '../adapters/slack/support/slack-payloads.ts';

const BOT_TOKEN = 'xoxb-9090909090-9191919191-soakBotTokenNotReal';
const SIGNING_SECRET = 'soak5ec7e7e2e0f0rcewa7c4516n1n6x';

/** A mix of what people ask: lookups, comparisons, a force card's worth, and what we cannot answer. */
const QUESTIONS = [
  'How many misconduct allegations were made against Hampshire police in 2021-22?',
  'How many allegations were made against Hertfordshire Constabulary in 2021-22?',
  'Compare Hampshire and Hertfordshire misconduct allegations',
  'How many allegations were made against Devon and Cornwall Police?',
  'what about complaints?',
];

export interface SoakOptions {
  /** Keep starting rounds until this much time has passed (at least one round runs). */
  durationMs: number;
  /** Concurrent signed Slack requests per round. */
  slackConcurrency: number;
  /** Of those, how many are also redelivered (same event_id, X-Slack-Retry-Num: 1). */
  slackRedeliveries: number;
  /** Discord slash commands and mentions per round (each). */
  discordBurst: number;
  /** How long a round waits for every reply. */
  roundTimeoutMs: number;
  log?: (line: string) => void;
  /** Called after each round's GC, e.g. to write a heap snapshot when chasing a leak. */
  onRound?: (round: number) => void;
  /** Slack replicas: 1 holds state in the process; more share one Redis and its work queue. */
  replicas?: number;
  /** The Redis replicas share; the local one (or REDIS_TEST_URL) by default. */
  redisUrl?: string;
}

export interface SoakReport {
  rounds: number;
  seconds: number;
  /** `resent`: deliveries sent again after a connection error, as Slack would. */
  slack: { replicas: number; requests: number; redeliveries: number; resent: number; lost: number; duplicated: number };
  discord: { interactions: number; mentions: number; lost: number; duplicated: number };
  /** Heap used after a forced GC at the end of each round, in MB (GC forced only with --expose-gc). */
  heapMb: number[];
  rssMb: number[];
  /** Median heap of the last third of rounds minus that of the first third (after the first round). */
  heapGrowthMb: number;
  gcForced: boolean;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0);
};

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** Runs the soak and reports what it saw; starts and stops everything it needs. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const say = options.log ?? (() => {});
  // As serve() does for `npm start`: the first chart must not stall the adapters on DNS look-ups.
  keepReportsOffTheNetwork();
  // Warnings only: a log line per question would be the soak's main cost and main memory user.
  const logger = createLogger({ level: 'warn' });
  const engine: Engine = loadEngine({ logger });
  const slackParts = new Map(QUESTIONS.map((q) => [q, renderAnswer(engine.answer(q)).length]));
  // On Discord a charted answer (a comparison) has one more message: the chart.
  const discordParts = new Map(
    QUESTIONS.map((q) => [q, renderEmbeds(engine.answer(q), { footer: FOLLOW_UP_HINT }).length + (chartOfAnswer(engine.answer(q)) === undefined ? 0 : 1)]),
  );

  const slackApi = await startFakeSlackApi();
  const config = slackConfigFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: slackApi.apiUrl });
  if (config === null) throw new Error('soak: no Slack config');
  const replicas = options.replicas ?? 1;
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const prefix = `forcewatch-soak:${process.pid}:${randomUUID().slice(0, 8)}:`;
  if (replicas > 1) await requireRedis();
  const states: RedisState[] = [];
  const slacks = [];
  for (let r = 0; r < replicas; r += 1) {
    if (replicas === 1) {
      slacks.push(await startSlack({ engine, logger, config }));
      continue;
    }
    const state = await RedisState.connect(redisUrl, prefix, logger);
    states.push(state);
    slacks.push(await startSlack({ engine, logger, config, state, queue: { url: redisUrl, prefix, leaseMs: 30_000 } }));
  }
  const eventsUrls = slacks.map((slack) => `http://127.0.0.1:${String(slack.port)}/slack/events`);
  /** The replica request `i` goes to; its redelivery goes to the next one. */
  const urlFor = (i: number) => eventsUrls[i % eventsUrls.length] as string;

  const fake = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD] }).start();
  const discord = await startDiscord({ engine, logger, config: { token: TOKEN, applicationId: IDS.app, apiUrl: fake.apiUrl } });

  const gc = (globalThis as { gc?: () => void }).gc;
  const report: SoakReport = {
    rounds: 0,
    seconds: 0,
    slack: { replicas, requests: 0, redeliveries: 0, resent: 0, lost: 0, duplicated: 0 },
    discord: { interactions: 0, mentions: 0, lost: 0, duplicated: 0 },
    heapMb: [],
    rssMb: [],
    heapGrowthMb: 0,
    gcForced: gc !== undefined,
  };
  /** Sends like Slack: a delivery whose connection fails (a keep-alive socket the server closed
   * just as it was reused) is sent again, with the same event_id, as Slack would retry it. */
  const deliver = async (request: SignedPost) => {
    try {
      return await postSigned(request);
    } catch {
      report.slack.resent += 1;
      return postSigned({ ...request, headers: { ...request.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    }
  };
  const started = Date.now();
  try {
    do {
      const round = report.rounds;
      // --- Slack: every request in a channel of its own, so its replies are easy to count. ---
      const slackAsks = Array.from({ length: options.slackConcurrency }, (_, i) => {
        const question = QUESTIONS[i % QUESTIONS.length] as string;
        const channel = `C0SOAK${round}X${i}`;
        return { channel, question, ...appMention(channel, `<@${BOT_USER_ID}> ${question}`) };
      });
      const sends = slackAsks.map((ask, i) => deliver(eventRequest(urlFor(i), SIGNING_SECRET, ask.body)));
      const redelivered = slackAsks
        .slice(0, options.slackRedeliveries)
        .map((ask, i) => deliver(eventRequest(urlFor(i + 1), SIGNING_SECRET, ask.body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })));
      const acks = await Promise.all([...sends, ...redelivered]);
      const badAcks = acks.filter((a) => a.status !== 200).length;
      if (badAcks > 0) say(`round ${round}: ${badAcks} Slack requests were not acknowledged with 200`);

      // --- Discord: a burst of /ask and of mentions at once. ---
      const commands = Array.from({ length: options.discordBurst }, (_, i) => {
        const question = QUESTIONS[i % QUESTIONS.length] as string;
        return { question, ...interaction(fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: question }] }) };
      });
      const mentions = Array.from({ length: options.discordBurst }, (_, i) => {
        const question = QUESTIONS[(i + 1) % QUESTIONS.length] as string;
        return { question, ...message(fake, { content: `<@${BOT.id}> ${question}`, mentions: [BOT] }) };
      });
      for (const c of commands) fake.dispatch('INTERACTION_CREATE', c.payload);
      for (const m of mentions) fake.dispatch('MESSAGE_CREATE', m.payload);

      // --- Wait for every reply, then count. ---
      const slackPosts = () => {
        const byChannel = new Map<string, number>();
        for (const call of slackApi.calls) {
          if (call.method !== 'chat.postMessage') continue;
          const channel = String(call.body.channel);
          byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1);
        }
        return byChannel;
      };
      const expectedSlack = slackAsks.reduce((sum, a) => sum + (slackParts.get(a.question) ?? 1), 0);
      const expectedDiscord = [...commands, ...mentions].reduce((sum, a) => sum + (discordParts.get(a.question) ?? 1), 0);
      await until(
        () =>
          slackApi.calls.filter((c) => c.method === 'chat.postMessage').length >= expectedSlack &&
          fake.requests.filter(isMessageSend).length >= expectedDiscord,
        options.roundTimeoutMs,
      );
      // A moment more, so a duplicate arriving late is counted too.
      await new Promise((resolve) => setTimeout(resolve, 200));

      const posted = slackPosts();
      for (const ask of slackAsks) {
        const n = posted.get(ask.channel) ?? 0;
        const want = slackParts.get(ask.question) ?? 1;
        if (n < want) report.slack.lost += 1;
        if (n > want) report.slack.duplicated += 1;
      }
      for (const c of commands) {
        const n = interactionReplies(fake, c.token).length;
        const want = discordParts.get(c.question) ?? 1;
        if (n < want) report.discord.lost += 1;
        if (n > want) report.discord.duplicated += 1;
      }
      for (const m of mentions) {
        const n = repliesTo(fake, m.id).length;
        const want = discordParts.get(m.question) ?? 1;
        if (n < want) report.discord.lost += 1;
        if (n > want) report.discord.duplicated += 1;
      }
      report.slack.requests += slackAsks.length;
      report.slack.redeliveries += redelivered.length;
      report.discord.interactions += commands.length;
      report.discord.mentions += mentions.length;

      // The fakes' records are the harness's memory, not the bot's: clear them each round.
      slackApi.calls.length = 0;
      slackApi.messages.length = 0;
      fake.requests.length = 0;
      fake.nonces.clear();
      fake.interactionChannels.clear();
      gc?.();
      const memory = process.memoryUsage();
      report.heapMb.push(mb(memory.heapUsed));
      report.rssMb.push(mb(memory.rss));
      report.rounds += 1;
      options.onRound?.(report.rounds);
      say(
        `round ${round + 1}: ${Math.round((Date.now() - started) / 1000)}s, heap ${mb(memory.heapUsed)} MB, rss ${mb(memory.rss)} MB, ` +
          `slack lost ${report.slack.lost} dup ${report.slack.duplicated}, discord lost ${report.discord.lost} dup ${report.discord.duplicated}`,
      );
    } while (Date.now() - started < options.durationMs);
  } finally {
    await Promise.all(slacks.map((slack) => slack.stop({ graceMs: 5_000 })));
    await discord.stop({ graceMs: 5_000 });
    await Promise.all(states.map((state) => state.close()));
    if (replicas > 1) await deletePrefix(prefix);
    await slackApi.close();
    await fake.close();
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  const settled = report.heapMb.slice(1);
  const third = Math.max(1, Math.floor(settled.length / 3));
  report.heapGrowthMb = Math.round((median(settled.slice(-third)) - median(settled.slice(0, third))) * 10) / 10;
  return report;
}

/** The settings for a full run or a quick one. */
export function soakOptions(args: readonly string[]): SoakOptions {
  const quick = args.includes('--quick');
  const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length) ?? (quick ? 0 : 300));
  const replicas = Number(args.find((a) => a.startsWith('--replicas='))?.slice('--replicas='.length) ?? 1);
  return {
    replicas,
    ...(process.env.REDIS_URL === undefined ? {} : { redisUrl: process.env.REDIS_URL }),
    durationMs: seconds * 1000,
    slackConcurrency: 500,
    slackRedeliveries: 50,
    discordBurst: quick ? 60 : 200,
    roundTimeoutMs: 30_000,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = soakOptions(process.argv.slice(2));
  const report = await runSoak({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const ok = report.slack.lost + report.slack.duplicated + report.discord.lost + report.discord.duplicated === 0;
  process.exitCode = ok ? 0 : 1;
}
