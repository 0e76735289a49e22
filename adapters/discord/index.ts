/** The Discord adapter's public surface, as `adapters/start.ts` uses it. */
export { discordConfigFromEnv, type DiscordConfig } from './config.ts';
export { startDiscord } from './client.ts';
