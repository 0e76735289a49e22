/** `/force` and `/ask`: answered privately, with a share button when there is something to share. */
import type { App, RespondFn } from '@slack/bolt';
import type { QuestionContext, QuestionStatus } from '../../shared/answer-desk.ts';
import type { Deliver } from '../delivery.ts';
import { SlashCommand, slackTextToPlain, type ShareValue } from '../payloads.ts';
import { renderAnswer, renderAskUsage, renderFailure, renderForceUsage, renderNotice, type SlackMessage } from '../render-blocks.ts';
import { issuePaths, type ListenerDeps } from './deps.ts';
import { answerFor, shareValue } from './shared-answer.ts';

export const FORCE_COMMAND = '/force';
export const ASK_COMMAND = '/ask';

export function register(app: App, deps: ListenerDeps): void {
  // Acknowledge at once (Slack allows three seconds), then answer through the response_url. Not
  // awaited: the receiver sends the acknowledgement once the listener returns, and the answer desk
  // tracks the answer until it is posted.
  app.command(FORCE_COMMAND, async ({ ack, body, respond }) => {
    await ack();
    void handleCommand('force', body, respond, deps);
  });
  app.command(ASK_COMMAND, async ({ ack, body, respond }) => {
    await ack();
    void handleCommand('ask', body, respond, deps);
  });
}

/** Replies only the user sees: through the command's response_url (which works even in channels
 * the bot is not in), or with chat.postEphemeral if a delivery came without one. */
function privately(respond: RespondFn, command: SlashCommand, { delivery }: ListenerDeps): Deliver {
  if (command.response_url !== undefined) return (messages) => delivery.respondAll(respond, messages, 'ephemeral');
  return (messages) => delivery.postEphemeral(command.channel_id, command.user_id, undefined, messages);
}

async function handleCommand(kind: ShareValue['k'], body: unknown, respond: RespondFn, deps: ListenerDeps): Promise<void> {
  const { engine, delivery, desk, log } = deps;
  const parsed = SlashCommand.safeParse(body);
  if (!parsed.success) {
    log.warn({ issues: issuePaths(parsed.error) }, 'ignored a malformed slash command');
    return;
  }
  const command = parsed.data;
  const deliver = privately(respond, command, deps);
  const query = slackTextToPlain(command.text);
  const meta = { kind: 'command', user: command.user_id, channel: command.channel_id, text: query };
  const notify = (text: string, { log: qlog }: QuestionContext) =>
    deliver([renderNotice(text)]).catch((error: unknown) => qlog.error({ error: delivery.describe(error) }, 'failed to post a notice'));
  await desk.handle(
    meta,
    async ({ log: qlog }) => {
      try {
        let messages: SlackMessage[];
        let status: QuestionStatus = 'help';
        if (query === '') {
          messages = [kind === 'force' ? renderForceUsage(engine.forcesWithData().map((f) => f.name)) : renderAskUsage()];
        } else {
          const answer = answerFor(engine, { k: kind, q: query });
          qlog.debug({ command: command.command, citations: answer.citations.length }, 'answered');
          const share = answer.status === 'answered' ? shareValue({ k: kind, q: query }) : undefined;
          const feedbackId = await deps.feedback?.offer(answer, { platform: 'slack', conversation: 'slash_command' });
          messages = renderAnswer(answer, { ...(share === undefined ? {} : { shareValue: share }), ...(feedbackId === undefined ? {} : { feedbackId }) });
          status = answer.status;
        }
        await deliver(messages);
        return status;
      } catch (error) {
        qlog.error({ error: delivery.describe(error), command: command.command }, 'failed to answer');
        await deliver([renderFailure()]).catch((deliverError: unknown) => {
          qlog.error({ error: delivery.describe(deliverError) }, 'failed to report a failure');
        });
        return 'failed';
      }
    },
    notify,
  );
}
