/** The Share in channel button under a private answer: posts the answer for everyone. */
import type { App } from '@slack/bolt';
import type { QuestionContext, QuestionStatus } from '../../shared/answer-desk.ts';
import { ButtonClick, ShareValue } from '../payloads.ts';
import { SHARE_ACTION_ID, renderAnswer, renderFailure, renderNotice } from '../render-blocks.ts';
import { issuePaths, type ListenerDeps } from './deps.ts';
import { answerFor } from './shared-answer.ts';

export function register(app: App, { engine, delivery, desk, log, feedback }: ListenerDeps): void {
  app.action(SHARE_ACTION_ID, async ({ ack, body, respond }) => {
    await ack();
    const click = ButtonClick.safeParse(body);
    if (!click.success) {
      log.warn({ issues: issuePaths(click.error) }, 'ignored a malformed share click');
      return;
    }
    const action = click.data.actions.find((a) => a.action_id === SHARE_ACTION_ID);
    const raw = action?.value ?? '';
    const actionTs = action?.action_ts ?? click.data.trigger_id ?? 'unknown';
    let value: ShareValue;
    try {
      value = ShareValue.parse(JSON.parse(raw));
    } catch {
      log.warn('ignored a share click with an unreadable value');
      return;
    }
    const canRespond = click.data.response_url !== undefined;
    const channel = click.data.channel?.id ?? click.data.container?.channel_id;
    const meta = { kind: 'share', user: click.data.user.id, channel: channel ?? 'unknown', text: value.q };
    const notify = async (text: string, { log: qlog }: QuestionContext) => {
      if (!canRespond) return;
      await delivery
        .respondAll(respond, [renderNotice(text)], 'ephemeral')
        .catch((error: unknown) => qlog.error({ error: delivery.describe(error) }, 'failed to post a notice'));
    };
    // Not awaited, as for commands: the acknowledgement goes out when the listener returns.
    void desk.handle(
      meta,
      async ({ log: qlog }): Promise<QuestionStatus> => {
        try {
          if (channel === undefined) throw new Error('the click named no channel');
          const answer = answerFor(engine, value);
          const key = `share:${click.data.user.id}:${actionTs}`;
          // The shared copy is an answer of the channel's, rated on its own.
          const feedbackId = await feedback?.offer(answer, { platform: 'slack', conversation: 'channel' }, `slack:${key}`);
          const messages = renderAnswer(answer, { sharedBy: click.data.user.id, ...(feedbackId === undefined ? {} : { feedbackId }) });
          qlog.debug({ channel, kind: value.k }, 'sharing in channel');
          try {
            // One click, one post: the click's own time keys it, whichever replica took it.
            await delivery.post({ channel, threadTs: undefined, key }, messages);
          } catch (error) {
            if (!canRespond) throw error;
            // The bot may not be a member of the channel (or it is a DM between people): the
            // response_url can still post there on the user's behalf.
            qlog.info({ error: delivery.describe(error), channel }, 'chat.postMessage refused; sharing through response_url');
            await delivery.respondAll(respond, messages, 'in_channel');
            return answer.status;
          }
          if (canRespond) await respond({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the channel.' });
          return answer.status;
        } catch (error) {
          qlog.error({ error: delivery.describe(error), channel }, 'failed to share');
          if (canRespond) {
            await delivery.respondAll(respond, [renderFailure()], 'ephemeral').catch((respondError: unknown) => {
              qlog.error({ error: delivery.describe(respondError) }, 'failed to report a failure');
            });
          }
          return 'failed';
        }
      },
      notify,
    );
  });
}
