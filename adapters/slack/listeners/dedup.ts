/**
 * De-duplication of Events API deliveries. Slack retries an event whose acknowledgement was slow
 * (X-Slack-Retry-Num), perhaps to another replica, and Bolt does not de-duplicate: the first
 * delivery of an event_id claims it in the state port, later ones are acknowledged and dropped.
 * One message can also arrive as both an app_mention and a message event, with different event
 * IDs: {@link firstSightOfMessage} claims the message itself.
 */
import type { App } from '@slack/bolt';
import { CLAIM_TTL_MS, type StatePort } from '../../shared/state/port.ts';
import { EventEnvelope } from '../payloads.ts';
import type { ListenerDeps } from './deps.ts';

export function register(app: App, { state, log }: ListenerDeps): void {
  app.use(async ({ body, context, next }) => {
    const envelope = EventEnvelope.safeParse(body);
    if (envelope.success && !(await state.claim(`slack:event:${envelope.data.event_id}`, CLAIM_TTL_MS))) {
      log.info(
        { eventId: envelope.data.event_id, retryNum: context.retryNum, retryReason: context.retryReason },
        'skipped an event already handled',
      );
      return;
    }
    await next();
  });
}

/** True the first time the message `ts` in `channel` is seen, by any replica. */
export function firstSightOfMessage(state: StatePort, channel: string, ts: string): Promise<boolean> {
  return state.claim(`slack:message:${channel}:${ts}`, CLAIM_TTL_MS);
}
