/**
 * A figure question that also asks what its term means ("what is a recordable conduct matter, and
 * how many were there?"): the figure, then the sources' sentence defining the term.
 */
import type { Answer } from '../model/answer.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { answerDefinition, EXPLAINED } from './passages.ts';

/** `figure` with the definition of `asked.defineToo` after it; `figure` alone when it was not
 * answered or no source defines the term. */
export function withDefinition(ctx: AnswerContext, asked: QueryFrame, figure: Answer, draft: AnswerDraft): Answer {
  if (asked.defineToo === undefined || figure.status !== 'answered' || figure.frame === undefined) return figure;
  const term = asked.defineToo;
  const defined = draft.section(() => answerDefinition(ctx, { ...asked, intent: 'define', subject: term }, draft));
  // A sentence that only mentions the term is no answer to what it means.
  if (defined.status !== 'answered' || defined.type !== 'definition' || !defined.text.startsWith(EXPLAINED)) return figure;
  return draft.answered(figure.type, `${figure.text}\n${defined.text}`, figure.frame);
}
