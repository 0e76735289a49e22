/**
 * The part of autocannon 9's API the benchmark uses (the package ships no types): one request
 * template whose setupRequest builds each request, and the result's latency histogram and counts.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Builds each request just before it is sent; returning a falsy value restarts the sequence. */
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | undefined;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Requests in all; takes precedence over `duration`. */
      amount?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds to wait for a response. */
      timeout?: number;
      pipelining?: number;
      /** Requests per second over all connections (an open loop); none by default (closed loop). */
      overallRate?: number;
      requests?: Request[];
    }

    /** An hdr-histogram summary: milliseconds for latency. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
      total: number;
    }

    interface Result {
      latency: Histogram;
      requests: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
      '2xx': number;
      resets: number;
    }

    interface Instance extends EventEmitter {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export = autocannon;
}
