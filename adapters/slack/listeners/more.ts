/**
 * The "Every figure" button under a force card's summary: shows the clicker every figure of that
 * card, privately (through the click's response_url, as the `/force` reply came; else with
 * chat.postEphemeral), with its own Share button. The button carries only the force's id, read
 * back with zod; a force the engine no longer knows gets the engine's own "I don't know" answer.
 */
import type { App } from '@slack/bolt';
import type { QuestionContext, QuestionStatus } from '../../shared/answer-desk.ts';
import { parseJsonOrUndefined } from '../../shared/json.ts';
import { CLAIM_TTL_MS } from '../../shared/state/port.ts';
import { ButtonClick, MoreValue } from '../payloads.ts';
import { MORE_ACTION_ID, renderAnswer, renderFailure, renderNotice } from '../render-blocks.ts';
import { issuePaths, type ListenerDeps } from './deps.ts';
import { answerFor, shareValue } from './shared-answer.ts';

export function register(app: App, deps: ListenerDeps): void {
  const { engine, delivery, desk, log, state, feedback } = deps;
  app.action(MORE_ACTION_ID, async ({ ack, body, respond }) => {
    await ack();
    const click = ButtonClick.safeParse(body);
    if (!click.success) {
      log.warn({ issues: issuePaths(click.error) }, 'ignored a malformed "Every figure" click');
      return;
    }
    const action = click.data.actions.find((a) => a.action_id === MORE_ACTION_ID);
    const value = MoreValue.safeParse(parseJsonOrUndefined(action?.value ?? ''));
    if (!value.success) {
      log.warn({ issues: issuePaths(value.error) }, 'ignored an "Every figure" click with an unreadable value');
      return;
    }
    const user = click.data.user.id;
    const channel = click.data.channel?.id ?? click.data.container?.channel_id;
    // One click, one reply, whichever replica took it and however often Slack delivered it (Socket
    // Mode redelivers an unacknowledged click; HTTP replays are dropped before this).
    const clickKey = `slack:more:${user}:${action?.action_ts ?? click.data.trigger_id ?? 'unknown'}`;
    if (!(await state.claim(clickKey, CLAIM_TTL_MS))) {
      log.info('skipped an "Every figure" click already handled');
      return;
    }
    const deliver = delivery.privately(click.data.response_url === undefined ? undefined : respond, channel, user);
    const meta = { kind: 'more', user, channel: channel ?? 'unknown', text: value.data.f };
    const notify = (text: string, { log: qlog }: QuestionContext) =>
      deliver([renderNotice(text)]).catch((error: unknown) => qlog.error({ error: delivery.describe(error) }, 'failed to post a notice'));
    // Not awaited, as for commands: the acknowledgement has gone, and the desk tracks the work.
    void desk.handle(
      meta,
      async ({ log: qlog }): Promise<QuestionStatus> => {
        try {
          const answer = answerFor(engine, { k: 'all', q: value.data.f });
          const share = answer.status === 'answered' ? shareValue({ k: 'all', q: value.data.f }) : undefined;
          const feedbackId = await feedback?.offer(answer, { platform: 'slack', conversation: 'slash_command' }, clickKey);
          await deliver(renderAnswer(answer, { ...(share === undefined ? {} : { shareValue: share }), ...(feedbackId === undefined ? {} : { feedbackId }) }));
          return answer.status;
        } catch (error) {
          qlog.error({ error: delivery.describe(error), channel }, 'failed to show every figure');
          await deliver([renderFailure()]).catch((deliverError: unknown) =>
            qlog.error({ error: delivery.describe(deliverError) }, 'failed to report a failure'),
          );
          return 'failed';
        }
      },
      notify,
    );
  });
}
