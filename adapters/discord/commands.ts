/**
 * The slash commands Forcewatch registers, and what the bot needs from Discord to serve them:
 * the command definitions (`/ask`, `/force`), the gateway intents, and the invite permissions.
 * Kept together so the README, the register script and the client cannot disagree.
 */
import {
  ApplicationIntegrationType,
  GatewayIntentBits,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandBooleanOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK_COMMAND = 'ask';
export const FORCE_COMMAND = 'force';
export const QUESTION_OPTION = 'question';
export const NAME_OPTION = 'name';
export const PRIVATE_OPTION = 'private';

/** Discord caps a string option at 6,000 characters; a question never needs more than this. */
export const QUESTION_MAX_LENGTH = 500;
/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
export const AUTOCOMPLETE_CHOICES_LIMIT = 25;
export const CHOICE_NAME_LIMIT = 100;

/**
 * Gateway intents, and why each: no privileged intent is needed, because Discord delivers message
 * content without Message Content for messages that mention the bot and for DMs.
 */
export const INTENTS = [
  GatewayIntentBits.Guilds, // servers and their channels, so messages in them resolve to a channel
  GatewayIntentBits.GuildMessages, // messages in server channels: @mentions and replies to the bot
  GatewayIntentBits.DirectMessages, // messages in DMs with the bot
] as const;

/** What the bot needs in a channel to answer there: see it, write, embed, and reply. */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory; // replying to a message needs it

/** The OAuth2 URL that adds the bot to a server with its commands and permissions. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

const privateOption = (description: string) => (option: SlashCommandBooleanOption) =>
  option.setName(PRIVATE_OPTION).setDescription(description).setRequired(false);

/** The full command set, as the JSON Discord's bulk-overwrite endpoint takes. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const ask = new SlashCommandBuilder()
    .setName(ASK_COMMAND)
    .setDescription('Ask about police misconduct and complaints in England and Wales')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((option) =>
      option
        .setName(QUESTION_OPTION)
        .setDescription('e.g. How many misconduct allegations were made against Hampshire police in 2021-22?')
        .setRequired(true)
        .setMaxLength(QUESTION_MAX_LENGTH),
    )
    .addBooleanOption(privateOption('Only you see the answer (default: everyone in the channel)'));

  const force = new SlashCommandBuilder()
    .setName(FORCE_COMMAND)
    .setDescription('Every figure we hold for one police force, with sources')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((option) =>
      option.setName(NAME_OPTION).setDescription('Start typing a force, e.g. Hampshire or herts').setRequired(true).setAutocomplete(true),
    )
    .addBooleanOption(privateOption('Only you see the card (default: everyone in the channel)'));

  return [ask.toJSON(), force.toJSON()];
}
