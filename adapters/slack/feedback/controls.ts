/**
 * Slack's 👍 / 👎 and "Report a wrong figure": the buttons under an answer (their value is the
 * answer's id and nothing else), the report modal opened with `views.open`, and zod schemas for
 * the `block_actions` and `view_submission` payloads they bring back. Pure JSON, no SDK calls.
 */
import type { Button, ModalView } from '@slack/types';
import { z } from 'zod';
import { FEEDBACK_LABELS, NOTE_MAX } from '../../shared/feedback/feedback-words.ts';

export const RATE_UP_ACTION = 'forcewatch_rate_up';
export const RATE_DOWN_ACTION = 'forcewatch_rate_down';
export const REPORT_ACTION = 'forcewatch_report';
/** The report modal's callback_id, which its view_submission carries back. */
export const REPORT_CALLBACK = 'forcewatch_report_form';
/** The note's input block and element, keys of the submission's `view.state.values`. */
export const NOTE_BLOCK = 'note';
export const NOTE_ACTION = 'note';

/** Slack keeps at most this much of a view's private_metadata. */
export const PRIVATE_METADATA_MAX = 3000;

/** The three buttons that follow an answer, each carrying only its id. */
export function feedbackButtons(answerId: string): Button[] {
  const button = (action_id: string, text: string, accessibility_label?: string): Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text, emoji: true },
    value: answerId,
    ...(accessibility_label === undefined ? {} : { accessibility_label }),
  });
  return [
    button(RATE_UP_ACTION, FEEDBACK_LABELS.up, FEEDBACK_LABELS.upDescription),
    button(RATE_DOWN_ACTION, FEEDBACK_LABELS.down, FEEDBACK_LABELS.downDescription),
    button(REPORT_ACTION, FEEDBACK_LABELS.report),
  ];
}

/**
 * What the modal carries from the click to its submission: the answer's id, and where to thank the
 * reporter privately (the click's response_url, which works even in a channel the bot is not in;
 * else the channel and thread, for chat.postEphemeral). Keys are short: Slack keeps 3,000 characters.
 */
export const ReportMetadata = z.object({
  a: z.string().min(1).max(100),
  r: z.url({ protocol: /^https?$/ }).optional(),
  c: z.string().min(1).optional(),
  t: z.string().min(1).optional(),
});
export type ReportMetadata = z.infer<typeof ReportMetadata>;

/** The "Report a wrong figure" modal for one answer. */
export function reportView(metadata: ReportMetadata): ModalView {
  return {
    type: 'modal',
    callback_id: REPORT_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: FEEDBACK_LABELS.formTitle },
    submit: { type: 'plain_text', text: FEEDBACK_LABELS.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        label: { type: 'plain_text', text: FEEDBACK_LABELS.noteLabel },
        hint: { type: 'plain_text', text: FEEDBACK_LABELS.noteHint },
        element: { type: 'plain_text_input', action_id: NOTE_ACTION, multiline: true, max_length: NOTE_MAX },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Your note is kept with this answer and the figures it showed, for a maintainer to check against the sources.' }],
      },
    ],
  };
}

/** A click on one of the feedback buttons, with where it was clicked. */
export const FeedbackClick = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  response_url: z.url({ protocol: /^https?$/ }).optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ channel_id: z.string().min(1).optional(), thread_ts: z.string().min(1).optional() }).optional(),
  actions: z.array(z.object({ action_id: z.enum([RATE_UP_ACTION, RATE_DOWN_ACTION, REPORT_ACTION]), value: z.string().min(1).max(100) })).length(1),
});
export type FeedbackClick = z.infer<typeof FeedbackClick>;

/** The report modal, submitted. Slack sends every input's value, null when left empty. */
export const ReportSubmission = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    callback_id: z.literal(REPORT_CALLBACK),
    private_metadata: z.string().max(PRIVATE_METADATA_MAX),
    state: z.object({
      values: z.object({
        [NOTE_BLOCK]: z.object({ [NOTE_ACTION]: z.object({ value: z.string().max(NOTE_MAX).nullable().optional() }) }),
      }),
    }),
  }),
});
export type ReportSubmission = z.infer<typeof ReportSubmission>;
