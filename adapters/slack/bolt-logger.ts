/**
 * Bolt's logger interface on top of our pino logger, so Bolt, its Web API client and its Socket
 * Mode client all write to the one injected log. Bolt logs strings, which pino's key-based `redact`
 * cannot see into, so every line is also scrubbed of the configured secrets' values.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

const CENSOR = '[redacted]';

/** Also caught when a secret we were not given shows up (a token echoed back in an error, say). */
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

/** Replaces every occurrence of the given secrets, and anything shaped like a Slack token. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length > 0) scrubbed = scrubbed.split(secret).join(CENSOR);
  }
  return scrubbed.replace(TOKEN_PATTERN, CENSOR);
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
export function boltLogger(logger: Logger, secrets: readonly string[]): BoltLogger {
  // Bolt and its Web API client call debug several times per request and per API call: a line
  // below the level is dropped before it is formatted and scrubbed (that was measurable under load).
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    if (logger.isLevelEnabled(level)) logger[level](scrubSecrets(parts.map(describe).join(' '), secrets));
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
