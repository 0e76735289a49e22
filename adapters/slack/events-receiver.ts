/**
 * Bolt's receiver in HTTP mode. http-endpoint.ts owns the server: it reads each request, checks its
 * size, timestamp and signature, answers Slack's ssl_check and replays, and parses the body once;
 * then it hands the parsed body here, and this gives it to the Bolt app and answers with whatever
 * the app acknowledged. Bolt's own HTTPReceiver, which used to come after the endpoint, read the
 * URL, the body and its JSON again and set a timer for every request: 5% of the adapter's CPU under
 * the benchmark's flood, for work already done.
 *
 * What it answers is what HTTPReceiver answers: the app's acknowledgement (empty, text, or JSON),
 * Slack's url_verification challenge, 401 when authorisation fails, 500 when the app's error
 * handler throws (a question that could not be stored, which Slack then sends again), and 404,
 * with an error logged, for a request nothing acknowledged within three seconds.
 */
import type { ServerResponse } from 'node:http';
import { type App, ErrorCode, type Receiver, ReceiverMultipleAckError } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

/** Slack's limit for an acknowledgement; past it, nothing acknowledged the request. */
export const ACK_TIMEOUT_MS = 3_001;

/** A signed, parsed request on its way to the app. */
export interface SlackDelivery {
  body: Record<string, unknown>;
  /** X-Slack-Retry-Num and X-Slack-Retry-Reason, when Slack sends a delivery again. */
  retryNum: number | undefined;
  retryReason: string | undefined;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined || body === '' || body === null) res.writeHead(status).end();
  else if (typeof body === 'string') res.writeHead(status).end(body);
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const hasCode = (error: unknown): error is { code: unknown } => typeof error === 'object' && error !== null && 'code' in error;

export class SlackEventsReceiver implements Receiver {
  #app: App | undefined;

  /**
   * @param respondAfterListeners true: the acknowledgement is sent once the listeners return
   *   (Bolt's processBeforeResponse), so that with a work queue a question is stored before Slack
   *   is told it arrived; false: it is sent the moment a listener (or Bolt, for events)
   *   acknowledges, before the app's middleware and listeners run.
   */
  constructor(
    readonly log: Logger,
    readonly respondAfterListeners: boolean,
  ) {}

  init(app: App): void {
    this.#app = app;
  }

  /** The endpoint's server is started and stopped by startSlack. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Gives a checked delivery to the app and answers it. Never rejects. */
  async dispatch(res: ServerResponse, { body, retryNum, retryReason }: SlackDelivery): Promise<void> {
    if (body.type === 'url_verification') return send(res, 200, { challenge: body.challenge });
    const app = this.#app;
    if (app === undefined) return send(res, 503);
    let acknowledged = false;
    let response: unknown;
    let onAck: (() => void) | undefined;
    const ack = async (responseBody?: unknown): Promise<void> => {
      if (acknowledged) throw new ReceiverMultipleAckError();
      acknowledged = true;
      response = responseBody;
      if (!this.respondAfterListeners) send(res, 200, response);
      onAck?.();
    };
    try {
      await app.processEvent({ body, ack, retryNum, retryReason, customProperties: {} });
    } catch (error) {
      if (res.headersSent) {
        this.log.error({ error: error instanceof Error ? error.message : String(error) }, 'an error after the acknowledgement was sent');
        return;
      }
      if (hasCode(error) && error.code === ErrorCode.AuthorizationError) return send(res, 401);
      this.log.error({ error: error instanceof Error ? error.message : String(error) }, 'an error while the app handled a delivery');
      return send(res, 500);
    }
    if (!acknowledged) {
      // A listener may still acknowledge after it returned; Slack waits three seconds.
      const acked = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ACK_TIMEOUT_MS);
        onAck = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!acked) {
        this.log.error('a delivery was not acknowledged within three seconds (no listener took it)');
        return send(res, 404);
      }
    }
    send(res, 200, response);
  }
}
