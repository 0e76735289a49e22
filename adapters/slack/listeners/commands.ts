/**
 * `/force` and `/ask`: answered privately, with a share button when there is something to share.
 * Either with nothing after it gets the engine's own answer to that (what a force card needs, or
 * what the bot can do), like any other answer.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { QuestionContext } from '../../shared/answer-desk.ts';
import { SlashCommand, slackTextToPlain, type ShareValue } from '../payloads.ts';
import { ASK_COMMAND, FORCE_COMMAND, renderAnswer, renderFailure, renderNotice } from '../render-blocks.ts';
import { issuePaths, type ListenerDeps } from './deps.ts';
import { answerFor, shareValue } from './shared-answer.ts';

export { ASK_COMMAND, FORCE_COMMAND };

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

async function handleCommand(kind: ShareValue['k'], body: unknown, respond: RespondFn, deps: ListenerDeps): Promise<void> {
  const { engine, delivery, desk, log } = deps;
  const parsed = SlashCommand.safeParse(body);
  if (!parsed.success) {
    log.warn({ issues: issuePaths(parsed.error) }, 'ignored a malformed slash command');
    return;
  }
  const command = parsed.data;
  const deliver = delivery.privately(command.response_url === undefined ? undefined : respond, command.channel_id, command.user_id);
  const query = slackTextToPlain(command.text);
  const meta = { kind: 'command', user: command.user_id, channel: command.channel_id, text: query };
  const notify = (text: string, { log: qlog }: QuestionContext) =>
    deliver([renderNotice(text)]).catch((error: unknown) => qlog.error({ error: delivery.describe(error) }, 'failed to post a notice'));
  await desk.handle(
    meta,
    async ({ log: qlog }) => {
      try {
        const answer = answerFor(engine, { k: kind, q: query });
        qlog.debug({ command: command.command, citations: answer.citations.length }, 'answered');
        const share = answer.status === 'answered' && query !== '' ? shareValue({ k: kind, q: query }) : undefined;
        // A command with nothing after it gets help: no answer to rate, nor a declined question.
        const feedbackId = query === '' ? undefined : await deps.feedback?.offer(answer, { platform: 'slack', conversation: 'slash_command' });
        await deliver(renderAnswer(answer, { ...(share === undefined ? {} : { shareValue: share }), ...(feedbackId === undefined ? {} : { feedbackId }) }));
        return answer.type === 'help' ? 'help' : answer.status;
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
