/**
 * Registering the slash commands with Discord: one bulk-overwrite PUT of the whole command set,
 * to one server (instant, for development) or globally. A PUT replaces whatever was there, so
 * running it again changes nothing: it is idempotent.
 */
import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../src/index.ts';
import { commandDefinitions } from './commands.ts';
import type { DiscordConfig } from './config.ts';
import { summariseError } from './safe-log.ts';

/** What Discord answers a bulk overwrite with: the registered commands (only what we read). */
const RegisteredCommands = z.array(z.object({ id: z.string(), name: z.string() }).loose());
type RegisteredCommands = z.infer<typeof RegisteredCommands>;

export interface Registration {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: RegisteredCommands;
}

/**
 * PUTs the command set to `/applications/:app/guilds/:guild/commands` when a guild is configured,
 * `/applications/:app/commands` otherwise.
 *
 * @throws Error with `code: 'DISCORD_REGISTER'` naming the route's scope and Discord's reason.
 */
export async function registerCommands(config: DiscordConfig, logger: Logger): Promise<Registration> {
  const log = logger.child({ component: 'discord-register' });
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  const scope = config.guildId === undefined ? 'global' : 'guild';
  const route =
    config.guildId === undefined ? Routes.applicationCommands(config.applicationId) : Routes.applicationGuildCommands(config.applicationId, config.guildId);
  const body = commandDefinitions();
  log.info({ scope, guildId: config.guildId, commands: body.map((c) => c.name) }, 'registering commands');
  try {
    const commands = RegisteredCommands.parse(await rest.put(route, { body }));
    log.info({ scope, registered: commands.map((c) => c.name) }, 'commands registered');
    return { scope, ...(config.guildId === undefined ? {} : { guildId: config.guildId }), commands };
  } catch (cause) {
    const summary = summariseError(cause, [config.token]);
    const where = config.guildId === undefined ? 'globally' : `in server ${config.guildId}`;
    const error = new Error(`Discord: could not register the commands ${where}: ${summary.message}`, { cause });
    throw Object.assign(error, { code: 'DISCORD_REGISTER' });
  }
}
