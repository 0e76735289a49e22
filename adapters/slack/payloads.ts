/**
 * zod schemas for the parts of Slack payloads this adapter reads (events, slash commands, the share
 * and "Every figure" buttons), and the conversion of Slack's formatted message text into the plain words a user typed.
 * Bolt has already checked the signature; these check the shape, once, where the payload enters.
 */
import { z } from 'zod';

/** The outer Events API envelope: only what de-duplication needs. */
export const EventEnvelope = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** Fields shared by `app_mention` and `message` events. Bot authors carry `bot_id`; edits,
 * deletions and joins carry a `subtype`: neither is a question. */
const MessageLike = {
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
};

export const AppMentionEvent = z.object({ type: z.literal('app_mention'), ...MessageLike });
export type AppMentionEvent = z.infer<typeof AppMentionEvent>;

export const MessageEvent = z.object({
  type: z.literal('message'),
  channel_type: z.string().optional(),
  ...MessageLike,
});
export type MessageEvent = z.infer<typeof MessageEvent>;

/** A slash command invocation (`/force`, `/ask`). */
export const SlashCommand = z.object({
  command: z.string().min(1),
  text: z.string(),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().optional(),
  /** Always sent by Slack; optional so a delivery without one can still be answered privately. */
  response_url: z.url({ protocol: /^https?$/ }).optional(),
});
export type SlashCommand = z.infer<typeof SlashCommand>;

/** A click on the share or "Every figure" button, with where it was clicked. */
export const ButtonClick = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ channel_id: z.string().min(1).optional() }).optional(),
  response_url: z.url({ protocol: /^https?$/ }).optional(),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() })).min(1),
});
export type ButtonClick = z.infer<typeof ButtonClick>;

/** What the share button carries: enough to answer again, since Slack does not send the
 * ephemeral message's content back with the click (`k`: a force card's summary, all of a force
 * card, or a question). Keys are short: a button value holds 2,000. */
export const ShareValue = z.object({
  k: z.enum(['force', 'all', 'ask']),
  q: z.string().min(1),
});
export type ShareValue = z.infer<typeof ShareValue>;

/** What the "Every figure" button carries: the force's id, and nothing else. */
export const MoreValue = z.strictObject({ f: z.string().min(1).max(100) });
export type MoreValue = z.infer<typeof MoreValue>;

/**
 * Turns Slack's formatted text into what the user typed: mentions and links become words
 * (`<@U1>` → `@U1`, `<!channel>` → `@channel`, `<#C1|general>` → `#general`, `<url|label>` → label),
 * then the `&amp;`, `&lt;`, `&gt;` Slack escaped are unescaped. The engine gets plain words; the
 * renderer escapes again on the way out, so nothing typed can become a live mention.
 *
 * @param botUserId the bot's own user ID: its mentions are removed, as they address the question.
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) {
        return botUserId !== undefined && target.slice(1) === botUserId ? '' : `@${label ?? target.slice(1)}`;
      }
      if (target.startsWith('!')) {
        const name = target.slice(1).replace(/^subteam\^/, '');
        return `@${label?.replace(/^@/, '') ?? name}`;
      }
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
