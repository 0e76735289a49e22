/**
 * The 👍 / 👎 and "Report a wrong figure" buttons under an answer, and the report modal's
 * submission. Each is acknowledged at once (the store may take seconds to open the first time),
 * then recorded, then the person is thanked privately: through the click's response_url (which
 * works in channels the bot is not in and on private answers), else with chat.postEphemeral.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AnswerFeedback } from '../../shared/feedback/answer-feedback.ts';
import { feedbackReply, FEEDBACK_LABELS, FORM_FAILED_TEXT } from '../../shared/feedback/feedback-words.ts';
import { parseJsonOrUndefined } from '../../shared/json.ts';
import {
  FeedbackClick,
  NOTE_ACTION,
  NOTE_BLOCK,
  RATE_DOWN_ACTION,
  RATE_UP_ACTION,
  REPORT_ACTION,
  REPORT_CALLBACK,
  ReportMetadata,
  ReportSubmission,
  reportView,
} from '../feedback/controls.ts';
import { renderNotice } from '../render-blocks.ts';
import { issuePaths, type ListenerDeps } from './deps.ts';

/** How long a post to a response_url may take; it is one small message. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** Where a private reply goes: the response_url when there is one, else the channel (and thread). */
interface Privately {
  user: string;
  respond?: RespondFn | undefined;
  channel?: string | undefined;
  threadTs?: string | undefined;
}

export function register(app: App, deps: ListenerDeps): void {
  const { feedback } = deps;
  // Without a recorder no answer carries the buttons, so there is nothing to listen for.
  if (feedback === undefined) return;

  app.action({ action_id: new RegExp(`^(${RATE_UP_ACTION}|${RATE_DOWN_ACTION})$`) }, async ({ ack, body, respond }) => {
    await ack();
    const click = parseClick(body, deps);
    if (click === undefined) return;
    const [action] = click.actions;
    const rating = action?.action_id === RATE_UP_ACTION ? 'up' : 'down';
    void feedback.track(
      (async () => {
        const outcome = await feedback.rate(action?.value ?? '', click.user.id, rating);
        await tell(whereFrom(click, respond), feedbackReply(rating, outcome), deps);
      })(),
    );
  });

  app.action(REPORT_ACTION, async ({ ack, body, client, respond }) => {
    await ack();
    const click = parseClick(body, deps);
    if (click === undefined) return;
    void feedback.track(openReport(click, client, whereFrom(click, respond), feedback, deps));
  });

  app.view(REPORT_CALLBACK, async ({ ack, body }) => {
    const submitted = parseSubmission(body, deps);
    if (submitted === undefined) {
      await ack();
      return;
    }
    const { note, metadata } = submitted;
    // Slack requires the field, but a note of spaces alone says nothing: the form says so and stays open.
    if (note === '') {
      await ack({ response_action: 'errors', errors: { [NOTE_BLOCK]: FEEDBACK_LABELS.emptyNote } });
      return;
    }
    await ack();
    const to: Privately = {
      user: submitted.user,
      respond: metadata.r === undefined ? undefined : respondTo(metadata.r),
      channel: metadata.c,
      threadTs: metadata.t,
    };
    void feedback.track(
      (async () => {
        const outcome = await feedback.report(metadata.a, to.user, note);
        await tell(to, feedbackReply('report', outcome), deps);
      })(),
    );
  });
}

/** The submitted note (trimmed), who sent it and what the modal carried; undefined, logged, when
 * the payload or its metadata is not what this adapter sent. */
function parseSubmission(body: unknown, { log }: ListenerDeps): { note: string; user: string; metadata: ReportMetadata } | undefined {
  const submission = ReportSubmission.safeParse(body);
  if (!submission.success) {
    log.warn({ issues: issuePaths(submission.error) }, 'ignored a malformed report submission');
    return undefined;
  }
  const { view, user } = submission.data;
  const metadata = ReportMetadata.safeParse(parseJsonOrUndefined(view.private_metadata));
  if (!metadata.success) {
    log.warn({ issues: issuePaths(metadata.error) }, 'ignored a report submission with unreadable metadata');
    return undefined;
  }
  return { note: view.state.values[NOTE_BLOCK][NOTE_ACTION].value?.trim() ?? '', user: user.id, metadata: metadata.data };
}

function parseClick(body: unknown, { log }: ListenerDeps): FeedbackClick | undefined {
  const click = FeedbackClick.safeParse(body);
  if (!click.success) log.warn({ issues: issuePaths(click.error) }, 'ignored a malformed feedback click');
  return click.success ? click.data : undefined;
}

function whereFrom(click: FeedbackClick, respond: RespondFn | undefined): Privately {
  return {
    user: click.user.id,
    respond: click.response_url === undefined ? undefined : respond,
    channel: click.channel?.id ?? click.container?.channel_id,
    threadTs: click.container?.thread_ts,
  };
}

/** Opens the report modal for the clicked answer, carrying where to thank the reporter; tells
 * them instead when the answer is no longer kept or the modal cannot be opened. */
async function openReport(click: FeedbackClick, client: WebClient, to: Privately, feedback: AnswerFeedback, deps: ListenerDeps): Promise<void> {
  const answerId = click.actions[0]?.value ?? '';
  if ((await feedback.find(answerId)) === undefined) {
    await tell(to, feedbackReply('report', 'unknown_answer'), deps);
    return;
  }
  const metadata: ReportMetadata = {
    a: answerId,
    ...(click.response_url === undefined ? {} : { r: click.response_url }),
    ...(to.channel === undefined ? {} : { c: to.channel }),
    ...(to.threadTs === undefined ? {} : { t: to.threadTs }),
  };
  try {
    await client.views.open({ trigger_id: click.trigger_id, view: reportView(metadata) });
  } catch (error) {
    deps.log.error({ error: deps.delivery.describe(error) }, 'could not open the report form');
    await tell(to, FORM_FAILED_TEXT, deps);
  }
}

/** A respond function for a response_url carried through the modal (Bolt builds one only for the
 * payload that holds it). */
function respondTo(url: string): RespondFn {
  return async (message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
      signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
  };
}

/** Sends `text` to the person alone; a response_url that has lapsed (30 minutes, five uses) falls
 * back to chat.postEphemeral. Never throws: a reply that cannot be sent is logged. */
async function tell(to: Privately, text: string, { delivery, log }: ListenerDeps): Promise<void> {
  const message = renderNotice(text);
  if (to.respond !== undefined) {
    try {
      await delivery.respondAll(to.respond, [message], 'ephemeral');
      return;
    } catch (error) {
      log.info({ error: delivery.describe(error) }, 'response_url refused a feedback reply; trying chat.postEphemeral');
    }
  }
  if (to.channel === undefined) {
    log.warn('a feedback reply had nowhere to go');
    return;
  }
  await delivery
    .postEphemeral(to.channel, to.user, to.threadTs, [message])
    .catch((error: unknown) => log.error({ error: delivery.describe(error), channel: to.channel }, 'could not send a feedback reply'));
}
