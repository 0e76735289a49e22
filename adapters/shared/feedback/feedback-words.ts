/**
 * What the 👍 / 👎 and "Report a wrong figure" controls say, in the same words on Slack and
 * Discord: the controls' labels, the report form, and the private reply to whoever used them.
 * None of it holds anything a user typed, so neither platform needs to escape it.
 */
import { MAX_NOTE_LENGTH } from '../../../src/index.ts';
import type { FeedbackOutcome } from './answer-feedback.ts';

/** The controls' labels and the report form's wording. Slack caps a modal's title at 24
 * characters, Discord a label at 45 and its description at 100. */
export const FEEDBACK_LABELS = {
  up: '👍',
  down: '👎',
  upDescription: 'This answer was helpful',
  downDescription: 'This answer was not helpful',
  report: 'Report a wrong figure',
  formTitle: 'Report a wrong figure',
  noteLabel: 'What looks wrong?',
  noteHint: 'Which figure, and what you believe it should be (with where that is published, if you know).',
  submit: 'Send report',
  /** Told when a report's note is only spaces. */
  emptyNote: 'Say what looks wrong with the figure.',
} as const;

/** Told when the report form could not be opened (the platform refused or timed out). */
export const FORM_FAILED_TEXT = 'Sorry, the report form could not be opened just now. Please try again in a moment.';

/** A report's note is at most this long: the store keeps no more. */
export const NOTE_MAX = MAX_NOTE_LENGTH;

/** What was given: a rating either way, or a report. */
export type FeedbackKind = 'up' | 'down' | 'report';

const SAVED: Record<FeedbackKind, string> = {
  up: 'Thanks for the 👍. It is recorded with this answer.',
  down: 'Thanks for the 👎. It is recorded with this answer. If one of its figures is wrong, "Report a wrong figure" lets you say which.',
  report: 'Thanks for the report. It is recorded with the figures this answer showed, for a maintainer to check against the sources.',
};

/**
 * The private reply to a rating or report. A store that failed is owned up to (the person may try
 * again); an answer no longer kept is explained.
 */
export function feedbackReply(kind: FeedbackKind, outcome: FeedbackOutcome): string {
  const what = kind === 'report' ? 'report' : 'rating';
  switch (outcome) {
    case 'saved':
      return SAVED[kind];
    case 'unknown_answer':
      return `Sorry, I no longer have that answer on record (answers can be rated for a week after they are posted), so your ${what} was not recorded. Ask again to rate the new answer.`;
    case 'failed':
      return `Sorry, your ${what} could not be saved just now. The problem has been logged; please try again later.`;
  }
}
