/**
 * Defaults for gateway fields that Discord always sends but a minimal Discord-compatible server may
 * leave out. They are filled in on the raw packet, before discord.js reads it: discord.js throws on
 * their absence inside its gateway handler, where the error would take the whole process down,
 * and it silently drops a message in a channel it has not cached unless told the channel's type.
 */
import { ChannelType, type Client } from 'discord.js';
import { z } from 'zod';

const Packet = z.object({ t: z.string().nullable().optional(), d: z.unknown() }).loose();

/** Only the fields we default; everything else passes through untouched. */
const InteractionCreate = z
  .object({
    entitlements: z.array(z.unknown()).optional(),
    authorizing_integration_owners: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

const MessageCreate = z
  .object({
    channel_id: z.string(),
    guild_id: z.string().optional(),
    channel_type: z.number().optional(),
  })
  .loose();

/**
 * Fills missing fields of INTERACTION_CREATE (`entitlements`, `authorizing_integration_owners`)
 * and a missing `channel_type` of MESSAGE_CREATE in a channel discord.js has not cached (a DM, or a
 * known server's channel), so discord.js builds a partial channel the bot can reply in.
 */
export function fillGatewayDefaults(client: Client, packet: unknown): void {
  const parsed = Packet.safeParse(packet);
  if (!parsed.success || typeof parsed.data.d !== 'object' || parsed.data.d === null) return;
  // Mutated in place: discord.js handles this same object right after the 'raw' event.
  const data = parsed.data.d as Record<string, unknown>;

  if (parsed.data.t === 'INTERACTION_CREATE') {
    const interaction = InteractionCreate.safeParse(data);
    if (!interaction.success) return;
    data.entitlements ??= [];
    data.authorizing_integration_owners ??= {};
  } else if (parsed.data.t === 'MESSAGE_CREATE') {
    const message = MessageCreate.safeParse(data);
    if (!message.success) return;
    const { channel_id, guild_id, channel_type } = message.data;
    if (channel_type !== undefined || client.channels.cache.has(channel_id)) return;
    // Without a type, discord.js can build neither a DM channel nor a server channel for the message.
    if (guild_id === undefined)
      data.channel_type = ChannelType.DM; // bots are never in group DMs
    else if (client.guilds.cache.has(guild_id)) data.channel_type = ChannelType.GuildText;
  }
}
