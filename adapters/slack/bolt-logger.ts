/**
 * Bolt's logger interface on top of our pino logger, so Bolt, its Web API client and its Socket
 * Mode client all write to the one injected log. Bolt logs strings, which pino's key-based `redact`
 * cannot see into, so every line is also scrubbed of the configured secrets' values, credentials in
 * URLs and Socket Mode tickets; and the lines that carry a payload (the Web API client's outgoing
 * request bodies, the Socket Mode client's incoming envelopes) hold what users typed, so their
 * payload is left out unless LOG_MESSAGE_TEXT is on.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';
import { redactUrlSecrets } from '../shared/log-redaction.ts';

const CENSOR = '[redacted]';

/** Also caught when a secret we were not given shows up (a token echoed back in an error, say). */
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

/** Replaces every occurrence of the given secrets, anything shaped like a Slack token, credentials
 * in URLs and Socket Mode tickets. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length > 0) scrubbed = scrubbed.split(secret).join(CENSOR);
  }
  return redactUrlSecrets(scrubbed.replace(TOKEN_PATTERN, CENSOR));
}

/** Library lines whose rest is a payload: the Web API client's request bodies (chat.postMessage's
 * text) and results (Slack echoes the message posted, which may quote a user's words), and the
 * Socket Mode client's envelopes as received (a DM's words). */
const PAYLOAD_LINES = [
  /^(http request body: )/,
  /^(http request result: )/,
  /^(Received a message on the WebSocket: )/,
  /^(Unable to parse an incoming WebSocket message[^:]*: [^,]*, )/,
];

/** `line` with any payload it carries left out. */
export function withoutPayload(line: string): string {
  for (const pattern of PAYLOAD_LINES) {
    const match = pattern.exec(line);
    if (match !== null) return `${match[1]}[left out: it may hold what a user typed; LOG_MESSAGE_TEXT=true logs it]`;
  }
  return line;
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

/**
 * Wraps a pino logger for Bolt. The level follows the pino logger's; Bolt's own `setLevel` calls are
 * ignored so one `LOG_LEVEL` governs every line.
 */
export function boltLogger(logger: Logger, secrets: readonly string[], { logMessageText = false }: { logMessageText?: boolean } = {}): BoltLogger {
  // Bolt and its Web API client call debug several times per request and per API call: a line
  // below the level is dropped before it is formatted and scrubbed (that was measurable under load).
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      if (!logger.isLevelEnabled(level)) return;
      const line = parts.map(describe).join(' ');
      logger[level](scrubSecrets(logMessageText ? line : withoutPayload(line), secrets));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => PINO_TO_BOLT[logger.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
