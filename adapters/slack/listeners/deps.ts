/**
 * What every Slack listener module gets from `createSlackApp`: each module exports
 * `register(app, deps)`, the way Bolt's starter templates lay out their listeners.
 */
import type { Engine, Logger } from '../../../src/index.ts';
import type { AnswerDesk } from '../../shared/answer-desk.ts';
import type { AnswerFeedback } from '../../shared/feedback/answer-feedback.ts';
import type { StatePort } from '../../shared/state/port.ts';
import type { SlackDelivery } from '../delivery.ts';
import type { ConversationQuestion } from './conversation.ts';

export interface ListenerDeps {
  engine: Engine;
  /** The Slack component's logger. */
  log: Logger;
  /** Every question passes through it: rate limits, in-flight tracking, one summary log line. */
  desk: AnswerDesk;
  /** The one place that posts to Slack. */
  delivery: SlackDelivery;
  /** De-duplication and conversation memory, shared by every replica when REDIS_URL is set. */
  state: StatePort;
  /**
   * Hands a question on to be answered unless one was handed on under `onceKey` already (by any
   * replica, within CLAIM_TTL_MS): to this process's desk, or to the durable work queue. Resolves
   * whether it was handed on, once it is safe to acknowledge the delivery (the queue holds it).
   */
  dispatch: (question: ConversationQuestion, onceKey: string) => Promise<boolean>;
  /** Keeps each answer for its 👍 / 👎 and report buttons and records what they say; undefined:
   * answers go without them. */
  feedback?: AnswerFeedback;
}

/** The zod issue paths of a payload that did not parse, for a log line (never its values). */
export function issuePaths(error: { issues: readonly { path: readonly PropertyKey[] }[] }): string[] {
  return error.issues.map((issue) => issue.path.map(String).join('.'));
}
