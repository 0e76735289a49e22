/**
 * Gateway dispatch payloads as Discord sends them (INTERACTION_CREATE: commands, autocomplete, a
 * button clicked, a modal submitted; MESSAGE_CREATE), built for the end-to-end tests, with the ids
 * of the test server's bot, users, server and channels.
 */
import { z } from 'zod';
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
const member = (u: FakeUser) => ({
  user: user(u),
  roles: [],
  joined_at: '2024-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  permissions: '2248473465835073',
});

export interface CommandOption {
  name: string;
  type: 3 | 5; // string, boolean
  value: string | boolean;
  focused?: boolean;
}

/** An interaction of `type` carrying `data`, from `by` (Alice) in the server's channel or the DM,
 * with the fields Discord always sends (`minimal` leaves those out, as a bare-bones compatible
 * server might). Its replies land in that channel. */
function interactionOf(
  fake: FakeDiscord,
  type: number,
  data: Record<string, unknown>,
  options: { dm?: boolean | undefined; minimal?: boolean | undefined; by?: FakeUser | undefined; extra?: Record<string, unknown> },
): { id: string; token: string; payload: Record<string, unknown> } {
  const id = fake.snowflake();
  const token = `interaction-token-${id}`;
  const channelId = options.dm ? IDS.dmChannel : IDS.channel;
  const by = options.by ?? ALICE;
  fake.interactionChannels.set(token, channelId);
  const where = options.dm
    ? { channel: { id: IDS.dmChannel, type: 1, recipients: [user(by)] }, user: user(by), context: 1 }
    : {
        guild_id: IDS.guild,
        channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'general' },
        member: member(by),
        context: 0,
        guild_locale: 'en-GB',
      };
  const payload: Record<string, unknown> = {
    id,
    application_id: IDS.app,
    type,
    token,
    version: 1,
    data,
    channel_id: channelId,
    app_permissions: '2248473465835073',
    locale: 'en-GB',
    ...where,
    ...options.extra,
    ...(options.minimal
      ? {}
      : { entitlements: [], authorizing_integration_owners: options.dm ? { '1': by.id } : { '0': IDS.guild }, attachment_size_limit: 10_485_760 }),
  };
  return { id, token, payload };
}

/** A slash command (type 2) or autocomplete (type 4) interaction, in a server channel or a DM. */
export function interaction(
  fake: FakeDiscord,
  options: { kind: 'command' | 'autocomplete'; name: 'ask' | 'force'; options: CommandOption[]; dm?: boolean; minimal?: boolean },
): { id: string; token: string; payload: Record<string, unknown> } {
  const data = { id: options.name === 'ask' ? IDS.askCommand : IDS.forceCommand, name: options.name, type: 1, options: options.options };
  return interactionOf(fake, options.kind === 'command' ? 2 : 4, data, options);
}

const HeldButtons = z.array(
  z
    .object({
      components: z.array(
        z
          .object({
            type: z.number(),
            custom_id: z.string().optional(),
            label: z.string().optional(),
            emoji: z.object({ name: z.string() }).loose().optional(),
          })
          .loose(),
      ),
    })
    .loose(),
);

/**
 * A click (type 3) on a button of a message the fake holds, picked as a person picks it (by its
 * emoji or label); the payload carries that button's custom_id and the message, as Discord's does.
 * Throws when the message shows no such button: nobody could click it.
 */
export function componentClick(
  fake: FakeDiscord,
  options: { messageId: string; button: { emoji?: string; label?: string }; by?: FakeUser },
): { id: string; token: string; payload: Record<string, unknown> } {
  const held = fake.messages.get(options.messageId);
  const buttons = HeldButtons.parse(held?.components ?? []).flatMap((row) => row.components);
  const button = buttons.find(
    (b) =>
      b.type === 2 &&
      (options.button.emoji === undefined || b.emoji?.name === options.button.emoji) &&
      (options.button.label === undefined || b.label === options.button.label),
  );
  if (held === undefined || button?.custom_id === undefined) throw new Error(`message ${options.messageId} shows no such button`);
  return interactionOf(
    fake,
    3,
    { custom_id: button.custom_id, component_type: 2 },
    { dm: held.channel_id === IDS.dmChannel, by: options.by, extra: { message: held } },
  );
}

const ShownModal = z.object({
  custom_id: z.string(),
  components: z.array(z.object({ type: z.literal(18), component: z.object({ type: z.number(), custom_id: z.string() }).loose() }).loose()),
});

/**
 * A submission (type 5) of the modal the bot showed in answer to the interaction `openedBy` (its
 * token), with each text input's value by its custom_id, as Discord sends it: each label with the
 * component inside it, numbered.
 */
export function modalSubmit(
  fake: FakeDiscord,
  options: { openedBy: string; values: Record<string, string>; dm?: boolean; by?: FakeUser },
): { id: string; token: string; payload: Record<string, unknown> } {
  const modal = ShownModal.parse(fake.modals.get(options.openedBy));
  let n = 0;
  const components = modal.components.map(({ component }) => ({
    type: 18,
    id: ++n,
    component: { type: component.type, id: ++n, custom_id: component.custom_id, value: options.values[component.custom_id] ?? '' },
  }));
  return interactionOf(fake, 5, { custom_id: modal.custom_id, components }, options);
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
          message_reference: {
            type: 0,
            message_id: options.replyTo.id,
            channel_id: options.replyTo.channelId ?? channelId,
            ...(options.dm ? {} : { guild_id: IDS.guild }),
          },
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
