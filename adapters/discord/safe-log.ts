/**
 * Keeping secrets out of the Discord adapter's log lines. pino's `redact` works on keys, but
 * discord.js reports in strings (debug lines, error messages, request URLs carrying interaction
 * tokens), so those strings are scrubbed here before they are logged.
 */
import type { Logger } from '../../src/index.ts';
import { redactUrlSecrets } from '../shared/log-redaction.ts';

const CENSOR = '[redacted]';

/** Bot tokens are three base64url parts: the bot's id, a timestamp and an HMAC. */
const BOT_TOKEN_PATTERN = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g;
/** Interaction tokens sit in webhook and callback paths and let anyone answer as the bot. */
const PATH_TOKEN_PATTERN = /\/(webhooks|interactions)\/(\d+)\/[^/?\s]+/g;

/** A token's dot-separated parts: discord.js logs a "censored" token that still shows the first two. */
const MIN_PART_LENGTH = 6;

/** Replaces each given secret (and its parts), anything shaped like a bot token, interaction
 * tokens in paths, and credentials in URLs. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    const pieces = [secret, ...secret.split('.').filter((part) => part.length >= MIN_PART_LENGTH && part !== secret)];
    for (const piece of pieces) {
      if (piece.length > 0) scrubbed = scrubbed.split(piece).join(CENSOR);
    }
  }
  return redactUrlSecrets(scrubbed.replace(BOT_TOKEN_PATTERN, CENSOR).replace(PATH_TOKEN_PATTERN, `/$1/$2/${CENSOR}`));
}

/** What is worth logging about a failure, without request bodies (user text) or tokens. */
export interface ErrorSummary {
  name: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
  url?: string;
}

/** Summarises any thrown value for a log line; discord.js REST errors keep their code and route. */
export function summariseError(error: unknown, secrets: readonly string[]): ErrorSummary {
  if (!(error instanceof Error)) return { name: 'NonError', message: scrubSecrets(String(error), secrets) };
  const summary: ErrorSummary = { name: error.name, message: scrubSecrets(error.message, secrets) };
  const extra = error as Error & Partial<Record<'code' | 'status' | 'method' | 'url', unknown>>;
  if (typeof extra.code === 'string' || typeof extra.code === 'number') summary.code = extra.code;
  if (typeof extra.status === 'number') summary.status = extra.status;
  if (typeof extra.method === 'string') summary.method = extra.method;
  if (typeof extra.url === 'string') summary.url = scrubSecrets(extra.url, secrets);
  return summary;
}

/** Logs a failure under `error` with a scrubbed summary (not `err`: pino's serializer would add the stack back). */
export function logFailure(log: Logger, secrets: readonly string[], error: unknown, message: string, fields: Record<string, unknown> = {}): void {
  log.error({ ...fields, error: summariseError(error, secrets) }, message);
}
