/**
 * Redactions for text the libraries log in free form, which pino's key-based `redact` cannot see
 * into: credentials written into a URL (`https://user:password@host/`, `redis://:password@host`),
 * and the one-time ticket in a Socket Mode websocket URL, which lets anyone holding it receive the
 * app's events until it is used.
 */

const CENSOR = '[redacted]';
/** `scheme://user:password@` or `scheme://token@`: everything between `//` and `@`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]+@/gi;
/** `?ticket=…` or `&ticket=…` in a Socket Mode URL. */
const SOCKET_TICKET = /([?&]ticket=)[^&\s"'<>]+/gi;

/** `text` with URL credentials and Socket Mode tickets replaced by "[redacted]". */
export function redactUrlSecrets(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${CENSOR}@`).replace(SOCKET_TICKET, `$1${CENSOR}`);
}
