/**
 * The one pino logger factory. Built once at start-up and injected; components take a child.
 * Secrets are redacted wherever they appear under the usual keys, so a token passed in a config
 * object or a request header never reaches a log line.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys that hold secrets, wherever they sit in a logged object (top level or up to two levels down). */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  '"x-slack-signature"',
];

/** Keys whose values are never logged, at any depth we log objects at. Whole `config` and `env`
 * objects are censored too: they hold the tokens under whatever names the platform uses. */
export const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((key) => {
    const path = key.startsWith('"') ? `[${key}]` : `.${key}`;
    const top = key.startsWith('"') ? `[${key}]` : key;
    return [top, `*${path}`, `*.*${path}`];
  }),
  'headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  'config.*',
  'env.*',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; standard error by default so standard output stays the program's own. */
  destination?: DestinationStream;
}

/** Creates the application logger: JSON lines to standard error, secrets redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { app: 'forcewatch' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}
