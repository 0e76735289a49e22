/**
 * The Slack benchmark's load: signed events sent over keep-alive connections that are opened, and
 * used once, before the clock starts; then each connection sends its next event as soon as the last
 * was acknowledged (a closed loop), or paced to a rate.
 *
 * Why not autocannon, which this replaced: it opens all its connections at the moment the flood
 * starts. Node 20's libuv (1.45 on, libuv#3696) accepts one connection per turn of the event loop,
 * so a server already busy with the first connections' requests let the rest in over seconds: the
 * last connections' first requests waited 0.5–5 s in the kernel's accept queue (`ss -ltn` showed up
 * to 87 waiting), and that set the flood's p99 ack. A trivial Node server that spends 0.3 ms per
 * request showed the same (p99 1.7–2.3 s at 200 connections). Slack does not open 200 connections
 * to an app within 50 ms, so the timed part now starts with every connection open; how long opening
 * them took, on an idle adapter, is reported apart.
 */
import { Agent, request } from 'node:http';
import { epochNow } from './child.ts';
import { percentile } from './stats.ts';

/** One request to send: built before its clock starts. */
export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  /** The events URL; the connections are opened with a GET to it (405, answered before any Slack logic). */
  url: string;
  connections: number;
  /** Requests in all, spread over the connections as evenly as they go. */
  amount: number;
  /** Stops sending after this long. */
  maxSeconds: number;
  /** A request without a response after this long is a timeout (its connection is dropped). */
  timeoutMs: number;
  /** Requests a second over all connections, each connection sending its share at the start of each
   * second (so 200 connections at 200/s send bursts of 200 at once); unset, a closed loop. */
  rate?: number;
  /** Builds the next request (called once per request, outside the timed part). */
  next: () => LoadRequest;
}

export interface LoadResult {
  /** Responses by class. */
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Each response's latency (ms): from the request being written to its response ending. */
  latencies: number[];
  /** From the first request of the timed part to the last response (ms). */
  ms: number;
  /** Opening the connections before the clock starts (ms), and the slowest of those requests. */
  open: { ms: number; slowestMs: number };
}

/** One request on `agent`; resolves its status (0 on error or timeout) and latency. */
function send(
  agent: Agent,
  url: URL,
  method: 'GET' | 'POST',
  req: LoadRequest | undefined,
  timeoutMs: number,
): Promise<{ status: number; ms: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number, timedOut = false) => {
      if (done) return;
      done = true;
      resolve({ status, ms: epochNow() - started, timedOut });
    };
    const started = epochNow();
    const r = request(url, { agent, method, headers: req?.headers ?? {} }, (res) => {
      res.resume();
      res.once('end', () => finish(res.statusCode ?? 0));
      res.once('error', () => finish(0));
    });
    r.setTimeout(timeoutMs, () => {
      finish(0, true);
      r.destroy();
    });
    r.once('error', () => finish(0));
    r.end(req?.body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the load and collects what came back. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const n = options.connections;
  const agent = new Agent({ keepAlive: true, maxSockets: n, maxFreeSockets: n, scheduling: 'fifo', timeout: 60_000 });
  try {
    const openedAt = epochNow();
    const opening = await Promise.all(Array.from({ length: n }, () => send(agent, url, 'GET', undefined, options.timeoutMs)));
    const open = { ms: epochNow() - openedAt, slowestMs: Math.max(...opening.map((o) => o.ms)) };

    const result: LoadResult = { ok: 0, non2xx: 0, errors: 0, timeouts: 0, latencies: [], ms: 0, open };
    const started = epochNow();
    const stopAt = started + options.maxSeconds * 1000;
    let last = started;
    const share = (total: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
    const connection = async (i: number) => {
      const count = share(options.amount, i);
      const perSecond = options.rate === undefined ? undefined : share(options.rate, i);
      for (let sent = 0; sent < count && epochNow() < stopAt; sent += 1) {
        if (perSecond !== undefined) {
          // Its share of each second, sent at the start of that second.
          const second = Math.floor(sent / Math.max(1, perSecond));
          const due = started + second * 1000;
          if (due > epochNow()) await sleep(due - epochNow());
          if (epochNow() >= stopAt) break;
        }
        const { status, ms, timedOut } = await send(agent, url, 'POST', options.next(), options.timeoutMs);
        last = epochNow();
        if (status === 0) {
          result.errors += 1;
          if (timedOut) result.timeouts += 1;
        } else if (status >= 200 && status < 300) {
          result.ok += 1;
          result.latencies.push(ms);
        } else result.non2xx += 1;
      }
    };
    await Promise.all(Array.from({ length: n }, (_, i) => connection(i)));
    result.ms = last - started;
    return result;
  } finally {
    agent.destroy();
  }
}

/** p50, p99 and max of `values` (ms). */
export function latencyPercentiles(values: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}
