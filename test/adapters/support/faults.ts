/**
 * A failure the local Slack and Discord servers can inject into a request: a status (429 with
 * Retry-After in seconds, a 5xx), a request that hangs past the client's timeout (`hang`: answered
 * 504 after `ms`, never delivered), or one that is merely slow (`slow`: delivered after `ms`). Each
 * server answers it in its own platform's words.
 */
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'slow'; ms: number };
