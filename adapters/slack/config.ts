/**
 * Slack configuration read from the environment: which mode (HTTP on a port, or Socket Mode), the
 * secrets, and an optional Web API base. Parsed with zod once, at start-up; every missing or
 * malformed variable is named in one error so a deployer fixes them all in one go.
 */
import { z } from 'zod';

/** Every variable this adapter reads. Only the `SLACK_*` ones decide whether Slack is configured:
 * `PORT` is shared with anything else that listens, so setting it alone does not switch Slack on. */
export const SLACK_ENV_VARS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;

export const DEFAULT_PORT = 3000;

/** HTTP mode: Slack posts events, commands and interactions to `/slack/events` on `port`. */
export interface SlackHttpConfig {
  mode: 'http';
  botToken: string;
  signingSecret: string;
  port: number;
  /** Web API base ending in "/", or undefined for Slack's own. */
  apiUrl?: string;
}

/** Socket Mode: the app opens a websocket to Slack, so no public URL is needed. */
export interface SlackSocketConfig {
  mode: 'socket';
  botToken: string;
  appToken: string;
  apiUrl?: string;
}

export type SlackConfig = SlackHttpConfig | SlackSocketConfig;

/** A configuration problem. `code` is stable so callers can tell it from a crash. */
export class SlackConfigError extends Error {
  readonly code = 'CONFIG' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackConfigError';
  }
}

// Messages never echo a secret's value, only what is wrong with it: config errors end up in logs.
const secret = (name: string, prefix: string | undefined, where: string) => {
  let schema = z.string({ error: `${name} is missing (${where})` }).regex(/^\S+$/, `${name} must not contain spaces or line breaks (${where})`);
  if (prefix !== undefined) {
    schema = schema.regex(new RegExp(`^${prefix}`), `${name} must start with "${prefix}" (${where})`);
  }
  return schema;
};

const BOT_TOKEN_WHERE = 'Slack app settings → OAuth & Permissions → Bot User OAuth Token';
const SIGNING_SECRET_WHERE = 'Slack app settings → Basic Information → Signing Secret';
const APP_TOKEN_WHERE = 'Slack app settings → Basic Information → App-Level Tokens, with the connections:write scope';

// Non-secret values are quoted back so the deployer sees what was read.
const Port = z
  .string()
  .regex(/^\d+$/, { error: (issue) => `PORT ${JSON.stringify(issue.input)} must be a whole number such as 3000` })
  .transform(Number)
  .refine((n) => n <= 65_535, { error: (issue) => `PORT ${String(issue.input)} must be at most 65535` });

const ApiUrl = z
  .url({
    protocol: /^https?$/,
    error: (issue) => `SLACK_API_URL ${JSON.stringify(issue.input)} must be an http(s) URL such as https://slack.com/api/`,
  })
  // The Web API client appends method names ("chat.postMessage") to the base, so it must end in "/".
  .transform((url) => (url.endsWith('/') ? url : `${url}/`));

const SlackEnv = z.object({
  SLACK_BOT_TOKEN: secret('SLACK_BOT_TOKEN', 'xoxb-', BOT_TOKEN_WHERE),
  SLACK_SIGNING_SECRET: secret('SLACK_SIGNING_SECRET', undefined, SIGNING_SECRET_WHERE).optional(),
  SLACK_APP_TOKEN: secret('SLACK_APP_TOKEN', 'xapp-', APP_TOKEN_WHERE).optional(),
  SLACK_API_URL: ApiUrl.optional(),
  PORT: Port.optional(),
});

/** Empty values count as unset: a copied `.env.example` leaves `SLACK_BOT_TOKEN=` blank. */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Reads Slack settings from the environment.
 *
 * @returns `null` when no `SLACK_*` variable is set (Slack is simply not used); otherwise the
 *   config for Socket Mode when `SLACK_APP_TOKEN` is set, else for HTTP mode.
 * @throws {SlackConfigError} (`code: 'CONFIG'`) naming every missing or malformed variable when
 *   Slack is configured partially or wrongly.
 */
export function slackConfigFromEnv(env: NodeJS.ProcessEnv): SlackConfig | null {
  const raw = {
    SLACK_BOT_TOKEN: present(env.SLACK_BOT_TOKEN),
    SLACK_SIGNING_SECRET: present(env.SLACK_SIGNING_SECRET),
    SLACK_APP_TOKEN: present(env.SLACK_APP_TOKEN),
    SLACK_API_URL: present(env.SLACK_API_URL),
    PORT: present(env.PORT),
  };
  if (SLACK_ENV_VARS.every((name) => raw[name] === undefined)) return null;

  const problems: string[] = [];
  const parsed = SlackEnv.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));

  const socketMode = raw.SLACK_APP_TOKEN !== undefined;
  if (!socketMode && raw.SLACK_SIGNING_SECRET === undefined) {
    problems.push(`SLACK_SIGNING_SECRET is missing (${SIGNING_SECRET_WHERE}); it is needed for HTTP mode, or set SLACK_APP_TOKEN to use Socket Mode instead`);
  }
  if (problems.length > 0 || !parsed.success) {
    throw new SlackConfigError(`Slack config: ${problems.join('; ')}.`);
  }

  const vars = parsed.data;
  const apiUrl = vars.SLACK_API_URL === undefined ? {} : { apiUrl: vars.SLACK_API_URL };
  if (vars.SLACK_APP_TOKEN !== undefined) {
    return { mode: 'socket', botToken: vars.SLACK_BOT_TOKEN, appToken: vars.SLACK_APP_TOKEN, ...apiUrl };
  }
  const signingSecret = vars.SLACK_SIGNING_SECRET;
  if (signingSecret === undefined) {
    // Reported as a problem above; kept so the type narrows without a cast.
    throw new SlackConfigError('Slack config: SLACK_SIGNING_SECRET is missing.');
  }
  return { mode: 'http', botToken: vars.SLACK_BOT_TOKEN, signingSecret, port: vars.PORT ?? DEFAULT_PORT, ...apiUrl };
}
