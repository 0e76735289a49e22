/**
 * A failure the local Slack and Discord servers can inject into a request: a status (429 with
 * Retry-After in seconds, a 5xx), a request that hangs past the client's timeout (`hang`: answered
 * 504 after `ms`, never delivered), one that is merely slow (`slow`: delivered after `ms`), or one
 * taken at once whose answer comes late (`late`: delivered now, answered after `ms`, when the
 * client may have given up on it). Each server answers it in its own platform's words.
 */
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'slow'; ms: number }
  | { kind: 'late'; ms: number };
