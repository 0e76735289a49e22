/** `message` in a DM: every direct message is a question, answered in the DM (or its thread). */
import type { App } from '@slack/bolt';
import { EventEnvelope, MessageEvent, slackTextToPlain } from '../payloads.ts';
import { dispatchOnce } from './dedup.ts';
import type { ListenerDeps } from './deps.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, context }) => {
    const parsed = MessageEvent.safeParse(event);
    if (!parsed.success) return;
    const message = parsed.data;
    // Only direct messages are questions without a mention; edits, joins and bot posts have a
    // subtype or a bot_id and are not questions at all.
    // channel_type is always sent by Slack; a DM's channel ID starts with D if it is not.
    const isDirect = message.channel_type === undefined ? message.channel.startsWith('D') : message.channel_type === 'im';
    if (!isDirect) return;
    if (message.subtype !== undefined || message.bot_id !== undefined) return;
    if (message.user !== undefined && message.user === context.botUserId) return;
    const team = EventEnvelope.safeParse(body).data?.team_id ?? '';
    await dispatchOnce(
      deps,
      {
        channel: message.channel,
        messageTs: message.ts,
        replyThreadTs: message.thread_ts,
        memoryKey: `${team}:${message.channel}:${message.thread_ts ?? 'dm'}`,
        question: slackTextToPlain(message.text ?? '', context.botUserId),
        user: message.user,
        kind: 'dm',
      },
      { body, context },
    );
  });
}
