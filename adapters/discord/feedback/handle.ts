/**
 * Clicks on an answer's 👍 / 👎 and "Report a wrong figure", and the report modal's submission.
 * A rating or report is deferred privately at once (Discord allows three seconds, and the store
 * may take longer to open the first time), recorded, then the deferred reply says how it went.
 * The report button must answer with the modal itself, so it only looks the answer up first.
 */
import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../../src/index.ts';
import type { AnswerFeedback, FeedbackOutcome } from '../../shared/feedback/answer-feedback.ts';
import { FEEDBACK_LABELS, feedbackReply, NOTE_MAX, type FeedbackKind } from '../../shared/feedback/feedback-words.ts';
import { NO_PINGS } from '../deliver.ts';
import { logFailure } from '../safe-log.ts';
import { FeedbackCustomId, NOTE_INPUT, reportModal } from './controls.ts';

/** What handling a feedback interaction needs from the adapter. */
export interface FeedbackContext {
  feedback: AnswerFeedback;
  log: Logger;
  secrets: readonly string[];
}

const Note = z.string().trim().min(1).max(NOTE_MAX);

/** Handles a feedback button or report submission (anything else is left alone); never throws:
 * a failure is logged. */
export async function handleFeedback(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: FeedbackContext): Promise<void> {
  const parsed = FeedbackCustomId.safeParse(interaction.customId);
  if (!parsed.success) return;
  const { action, answerId } = parsed.data;
  try {
    if (interaction.isModalSubmit()) {
      if (action === 'note') await submitReport(interaction, answerId, ctx);
    } else if (action === 'report') {
      await openReport(interaction, answerId, ctx);
    } else if (action === 'up' || action === 'down') {
      await privately(interaction, (feedback) => feedback.rate(answerId, interaction.user.id, action), action, ctx);
    }
  } catch (error) {
    logFailure(ctx.log, ctx.secrets, error, 'could not handle a feedback interaction', { answerId, action });
  }
}

const EPHEMERAL = { flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;

/** The report form, for an answer still kept; otherwise says why not. */
async function openReport(interaction: ButtonInteraction, answerId: string, { feedback }: FeedbackContext): Promise<void> {
  if ((await feedback.find(answerId)) === undefined) {
    await interaction.reply({ content: feedbackReply('report', 'unknown_answer'), ...EPHEMERAL });
    return;
  }
  await interaction.showModal(reportModal(answerId));
}

async function submitReport(interaction: ModalSubmitInteraction, answerId: string, ctx: FeedbackContext): Promise<void> {
  const note = Note.safeParse(interaction.fields.getTextInputValue(NOTE_INPUT));
  // Discord requires the field, but a note of spaces alone says nothing.
  if (!note.success) {
    await interaction.reply({ content: `${FEEDBACK_LABELS.emptyNote} Use "${FEEDBACK_LABELS.report}" again to send it.`, ...EPHEMERAL });
    return;
  }
  await privately(interaction, (feedback) => feedback.report(answerId, interaction.user.id, note.data), 'report', ctx);
}

/** Defers a private reply, records, then says how it went. */
async function privately(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  record: (feedback: AnswerFeedback) => Promise<FeedbackOutcome>,
  kind: FeedbackKind,
  { feedback }: FeedbackContext,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await feedback.track(record(feedback));
  await interaction.editReply({ content: feedbackReply(kind, outcome), allowedMentions: NO_PINGS });
}
