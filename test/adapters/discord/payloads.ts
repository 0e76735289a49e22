/**
 * Gateway dispatch payloads as Discord sends them (INTERACTION_CREATE, MESSAGE_CREATE), built for
 * the end-to-end tests, with the ids of the test server's bot, users, server and channels.
 */
import type { FakeDiscord, FakeUser } from './fake-discord.ts';

export const IDS = {
  app: '1180000000000000001',
  guild: '1180000000000000003',
  channel: '1180000000000000004',
  otherChannel: '1180000000000000008',
  dmChannel: '1180000000000000005',
  role: '1180000000000000009',
  askCommand: '1180000000000000010',
  forceCommand: '1180000000000000011',
} as const;

/** Shaped like a real bot token so both scrubbing paths (configured secret, token pattern) apply. */
export const TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMg.GfAkE1.forcewatch-e2e-token-that-must-never-be-logged';

export const BOT: FakeUser = { id: '1180000000000000002', username: 'Forcewatch', bot: true };
export const ALICE: FakeUser = { id: '1180000000000000006', username: 'alice' };
export const OTHER_BOT: FakeUser = { id: '1180000000000000007', username: 'otherbot', bot: true };

export const GUILD = {
  id: IDS.guild,
  name: 'Test server',
  channels: [
    { id: IDS.channel, name: 'general' },
    { id: IDS.otherChannel, name: 'policing' },
  ],
};

const user = (u: FakeUser) => ({ id: u.id, username: u.username, discriminator: '0', global_name: null, avatar: null, bot: u.bot ?? false });
const member = (u: FakeUser) => ({ user: user(u), roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '2248473465835073' });

export interface CommandOption {
  name: string;
  type: 3 | 5; // string, boolean
  value: string | boolean;
  focused?: boolean;
}

/** A slash command (type 2) or autocomplete (type 4) interaction, in a server channel or a DM. */
export function interaction(
  fake: FakeDiscord,
  options: { kind: 'command' | 'autocomplete'; name: 'ask' | 'force'; options: CommandOption[]; dm?: boolean; minimal?: boolean },
): { id: string; token: string; payload: Record<string, unknown> } {
  const id = fake.snowflake();
  const token = `interaction-token-${id}`;
  const channelId = options.dm ? IDS.dmChannel : IDS.channel;
  fake.interactionChannels.set(token, channelId);
  const where = options.dm
    ? { channel: { id: IDS.dmChannel, type: 1, recipients: [user(ALICE)] }, user: user(ALICE), context: 1 }
    : { guild_id: IDS.guild, channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'general' }, member: member(ALICE), context: 0, guild_locale: 'en-GB' };
  const payload: Record<string, unknown> = {
    id,
    application_id: IDS.app,
    type: options.kind === 'command' ? 2 : 4,
    token,
    version: 1,
    data: { id: options.name === 'ask' ? IDS.askCommand : IDS.forceCommand, name: options.name, type: 1, options: options.options },
    channel_id: channelId,
    app_permissions: '2248473465835073',
    locale: 'en-GB',
    ...where,
    // What Discord always sends; `minimal` leaves them out, as a bare-bones compatible server might.
    ...(options.minimal ? {} : { entitlements: [], authorizing_integration_owners: options.dm ? { '1': ALICE.id } : { '0': IDS.guild }, attachment_size_limit: 10_485_760 }),
  };
  return { id, token, payload };
}

/** A MESSAGE_CREATE: in a server channel unless `dm`; a reply when `replyTo` is given. */
export function message(
  fake: FakeDiscord,
  options: {
    content: string;
    author?: FakeUser;
    dm?: boolean;
    channelId?: string;
    mentions?: FakeUser[];
    mentionEveryone?: boolean;
    mentionRoles?: string[];
    replyTo?: { id: string; author: FakeUser; channelId?: string };
    /** Leave out `channel_type`, as a minimal compatible server might. */
    omitChannelType?: boolean;
  },
): { id: string; payload: Record<string, unknown> } {
  const id = fake.snowflake();
  const author = options.author ?? ALICE;
  const channelId = options.channelId ?? (options.dm ? IDS.dmChannel : IDS.channel);
  const payload: Record<string, unknown> = {
    id,
    channel_id: channelId,
    ...(options.dm ? {} : { guild_id: IDS.guild, member: member(author) }),
    ...(options.omitChannelType ? {} : { channel_type: options.dm ? 1 : 0 }),
    author: user(author),
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: (options.mentions ?? []).map((u) => ({ ...user(u), ...(options.dm ? {} : { member: member(u) }) })),
    mention_roles: options.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    type: options.replyTo ? 19 : 0,
    ...(options.replyTo
      ? {
          message_reference: { type: 0, message_id: options.replyTo.id, channel_id: options.replyTo.channelId ?? channelId, ...(options.dm ? {} : { guild_id: IDS.guild }) },
          referenced_message: {
            id: options.replyTo.id,
            channel_id: options.replyTo.channelId ?? channelId,
            author: user(options.replyTo.author),
            content: '',
            timestamp: new Date().toISOString(),
            edited_timestamp: null,
            tts: false,
            mention_everyone: false,
            mentions: [],
            mention_roles: [],
            attachments: [],
            embeds: [],
            pinned: false,
            type: 0,
            flags: 0,
          },
        }
      : {}),
  };
  return { id, payload };
}
