/**
 * What the bot can do, in the engine's words: every surface shows this answer for "help" and for an
 * empty question, rendered with its own command syntax.
 */
import type { Answer } from '../model/answer.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { exampleQuestion, whatWeHold } from './holdings.ts';

/** What the bot can do, for "help" and empty questions. */
export function help(ctx: AnswerContext, draft: AnswerDraft, empty: boolean): Answer {
  const text = `Ask me about police misconduct and complaints figures in England and Wales, in your own words. For example: ${exampleQuestion(draft)}, “Which had more conduct matters, Hampshire or Herts?”, “Have complaints gone up or down?”, “What is a recordable conduct matter?”. Every figure comes with its source and the sentence it was taken from. ${whatWeHold(ctx)}`;
  return empty ? draft.noData('empty', text, undefined, 'help') : draft.answered('help', text, { type: 'help', forces: [], periods: [] });
}
