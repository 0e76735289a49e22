/**
 * What the bot can do, and what it says when it cannot answer, in the engine's words: every surface
 * shows the help answer for "help" and for an empty question, rendered with its own command syntax
 * (its `more` block names that surface's force card command), and the failure sentence when
 * answering or posting an answer fails.
 */
import type { Answer } from '../model/answer.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { exampleQuestion, whatWeHold } from './holdings.ts';

/** Said instead of an answer when answering (or sending the answer) fails: one sentence for every
 * surface, which never shows the error itself. */
export const FAILURE_TEXT = 'Sorry, I could not answer that reliably, so I will not guess. Please try again, or put it another way.';

/** The force whose card the help answer shows how to ask for: the first example's, where held. */
const EXAMPLE_FORCE = 'hampshire';

/** What the bot can do, for "help" and empty questions. */
export function help(ctx: AnswerContext, draft: AnswerDraft, empty: boolean): Answer {
  const text = `Ask me about police misconduct and complaints figures in England and Wales, in your own words. For example: ${exampleQuestion(draft)}, “Which had more conduct matters, Hampshire or Herts?”, “Have complaints gone up or down?”, “What is a recordable conduct matter?”. Every figure comes with its source and the sentence it was taken from. ${whatWeHold(ctx)}`;
  const example = ctx.forces.has(EXAMPLE_FORCE) ? EXAMPLE_FORCE : ctx.store.forces()[0];
  if (example !== undefined) draft.more(example);
  return empty ? draft.noData('empty', text, undefined, 'help') : draft.answered('help', text, { type: 'help', forces: [], periods: [] });
}
