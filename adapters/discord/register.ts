/**
 * `npm run discord:register`: registers /ask and /force with Discord, to DISCORD_GUILD_ID when set
 * (appears at once), globally otherwise. Safe to run again after any change to the commands.
 */
import { createLogger } from '../../src/index.ts';
import { describeStartupError } from '../shared/startup-error.ts';
import { discordConfigFromEnv } from './config.ts';
import { registerCommands } from './register-commands.ts';

async function main(): Promise<number> {
  const config = discordConfigFromEnv(process.env);
  if (config === null) {
    process.stderr.write('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n');
    return 1;
  }
  const registration = await registerCommands(config, createLogger());
  const names = registration.commands.map((c) => `/${c.name}`).join(', ');
  const where = registration.scope === 'guild' ? `in server ${registration.guildId}` : 'globally (Discord clients may take a few minutes to show them)';
  process.stdout.write(`Registered ${names} ${where}.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const registering = error instanceof Error && (error as { code?: unknown }).code === 'DISCORD_REGISTER';
    process.stderr.write(`${registering ? error.message : describeStartupError(error)}\n`);
    process.exitCode = 1;
  },
);
