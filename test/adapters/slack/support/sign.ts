/**
 * Sends requests to the adapter the way Slack does: signed with the app's signing secret (v0
 * HMAC-SHA256 over `v0:timestamp:body`), as JSON for events and as forms for commands and actions.
 */
import { createHmac } from 'node:crypto';

/** Slack's v0 request signature for a body sent at `timestamp` (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  url: string;
  secret: string;
  body: string;
  contentType: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Overrides the computed signature (to forge one). */
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a signed request and returns the status and body text. */
export async function postSigned(request: SignedPost): Promise<{ status: number; body: string }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(request.url, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': request.signature ?? slackSignature(request.secret, timestamp, request.body),
      ...request.headers,
    },
    body: request.body,
  });
  return { status: response.status, body: await response.text() };
}

/** An Events API delivery (JSON). */
export function eventRequest(url: string, secret: string, envelope: object, headers?: Record<string, string>): SignedPost {
  return { url, secret, body: JSON.stringify(envelope), contentType: 'application/json', ...(headers ? { headers } : {}) };
}

/** A slash command delivery (form fields). */
export function commandRequest(url: string, secret: string, fields: Record<string, string>): SignedPost {
  return { url, secret, body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An interactivity delivery: the JSON payload in a `payload` form field. */
export function actionRequest(url: string, secret: string, payload: object): SignedPost {
  return {
    url,
    secret,
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}
