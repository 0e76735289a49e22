/**
 * Discord configuration: the environment variables the adapter reads, parsed once with zod.
 * Nothing else in the adapter touches `process.env`, so every variable is documented and
 * validated here and in `.env.example`.
 */
import { z } from 'zod';

/** The variables this adapter reads; any one of them set means "Discord is wanted". */
export const DISCORD_ENV_KEYS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const;

/** Discord ids are snowflakes: decimal digits, at most 20 of them. */
const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits only), e.g. 1234567890123456789');

/** `.env` files often hold `NAME=` for an unused optional variable: treat that as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

/**
 * The REST base of Discord or a Discord-compatible server, without the API version: discord.js
 * appends `/v10/...`. A trailing slash or `/v10` is removed so both spellings work.
 */
const apiUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:3000/api' })
  .transform((url) => url.replace(/\/+$/, '').replace(/\/v10$/, ''));

const DiscordEnv = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is missing: the bot token from the Developer Portal (Bot → Reset Token)' })
    .trim()
    .min(1, 'is empty: set it to the bot token from the Developer Portal (Bot → Reset Token)')
    .regex(/^\S+$/, 'must not contain spaces (paste the token alone, without "Bot ")'),
  DISCORD_APPLICATION_ID: z.string({ error: 'is missing: the Application ID from the Developer Portal (General Information)' }).trim().pipe(snowflake),
  DISCORD_GUILD_ID: optional(z.string().trim().pipe(snowflake)),
  DISCORD_API_URL: optional(z.string().trim().pipe(apiUrl)),
});

/** What the Discord adapter needs to run. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands to this one server (instant, for development); global when absent. */
  guildId?: string;
  /** REST base of a Discord-compatible server, e.g. `http://127.0.0.1:3000/api`; Discord when absent. */
  apiUrl?: string;
}

/** Thrown for a missing or malformed variable; `code` is stable for callers to branch on. */
export class DiscordConfigError extends Error {
  readonly code = 'CONFIG';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiscordConfigError';
  }
}

/**
 * Reads the Discord variables from an environment.
 *
 * @returns `null` when no Discord variable is set (Discord not wanted), the config otherwise.
 * @throws {DiscordConfigError} (`code: 'CONFIG'`) naming every missing or malformed variable.
 */
export function discordConfigFromEnv(env: NodeJS.ProcessEnv): DiscordConfig | null {
  const present = DISCORD_ENV_KEYS.filter((key) => (env[key] ?? '').trim() !== '');
  if (present.length === 0) return null;

  const parsed = DiscordEnv.safeParse(Object.fromEntries(DISCORD_ENV_KEYS.map((key) => [key, env[key]])));
  if (!parsed.success) {
    // One line per variable, naming it; the token's value is never echoed back.
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
    throw new DiscordConfigError(`Discord config: ${problems.join('; ')}.`, { cause: parsed.error });
  }
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID, DISCORD_API_URL } = parsed.data;
  return {
    token: DISCORD_TOKEN,
    applicationId: DISCORD_APPLICATION_ID,
    ...(DISCORD_GUILD_ID === undefined ? {} : { guildId: DISCORD_GUILD_ID }),
    ...(DISCORD_API_URL === undefined ? {} : { apiUrl: DISCORD_API_URL }),
  };
}
