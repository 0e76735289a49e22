/** The registered command set, the intents and the invite: what the README promises. */
import { GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions, INTENTS, INVITE_PERMISSIONS, inviteUrl } from '../../../adapters/discord/commands.ts';

describe('commands', () => {
  it('defines /ask with a required question and an optional private flag', () => {
    const ask = commandDefinitions().find((c) => c.name === 'ask');
    expect(ask?.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true }),
      expect.objectContaining({ name: 'private', type: 5, required: false }),
    ]);
  });

  it('defines /force with an autocompleted force name', () => {
    const force = commandDefinitions().find((c) => c.name === 'force');
    expect(force?.options?.[0]).toEqual(expect.objectContaining({ name: 'name', type: 3, required: true, autocomplete: true }));
  });

  it('asks only for non-privileged intents: no Message Content, no members or presences', () => {
    expect([...INTENTS].sort()).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages].sort());
    expect(INTENTS).not.toContain(GatewayIntentBits.MessageContent);
  });

  it('invites with the bot and applications.commands scopes and the documented permissions', () => {
    const url = new URL(inviteUrl('1180000000000000001'));
    expect(url.searchParams.get('client_id')).toBe('1180000000000000001');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('274877991936'); // the number in the README
    expect(INVITE_PERMISSIONS & PermissionFlagsBits.Administrator).toBe(0n);
    expect(INVITE_PERMISSIONS & PermissionFlagsBits.MentionEveryone).toBe(0n);
  });
});
