/** `app_mention`: a question in a channel, answered in the question's thread. */
import type { App } from '@slack/bolt';
import { AppMentionEvent, EventEnvelope, slackTextToPlain } from '../payloads.ts';
import { dispatchOnce } from './dedup.ts';
import { issuePaths, type ListenerDeps } from './deps.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, body, context }) => {
    const parsed = AppMentionEvent.safeParse(event);
    if (!parsed.success) {
      deps.log.warn({ issues: issuePaths(parsed.error) }, 'ignored a malformed app_mention');
      return;
    }
    const mention = parsed.data;
    // Other bots (and our own posts, which Bolt's ignoreSelf also drops) never get an answer:
    // two bots answering each other would loop.
    if (mention.bot_id !== undefined || mention.subtype !== undefined) return;
    const team = EventEnvelope.safeParse(body).data?.team_id ?? '';
    const threadTs = mention.thread_ts ?? mention.ts;
    const text = mention.text ?? '';
    const botUserId = context.botUserId;
    const question = slackTextToPlain(botUserId === undefined ? text.replace(/^\s*<@[^>]+>/, '') : text, botUserId);
    await dispatchOnce(
      deps,
      {
        channel: mention.channel,
        messageTs: mention.ts,
        replyThreadTs: threadTs,
        memoryKey: `${team}:${mention.channel}:${threadTs}`,
        question,
        user: mention.user,
        kind: 'mention',
      },
      { body, context },
    );
  });
}
