/**
 * Reading the query frame where answers need more than one field of it: the places a figure answer
 * is for, whether a share or a rate per head was asked, and the kind of answer an intent makes.
 */
import type { QuestionType } from '../model/answer.ts';
import type { Intent, QueryFrame } from '../model/frame.ts';
import { placesOf } from '../understand/scope.ts';

/** The kind of answer each intent makes, as answers and the conversation record it. */
const TYPE_OF: Record<Intent, QuestionType> = {
  lookup: 'lookup',
  share: 'share',
  compare: 'comparison',
  change: 'change',
  trend: 'trend',
  rank: 'ranking',
  count: 'ranking',
  define: 'definition',
  statement: 'statement',
  overview: 'overview',
  recommendations: 'recommendation',
  provenance: 'provenance',
  chart: 'chart',
  sources: 'sources',
  help: 'help',
};

/** The answer type of the frame's intent. */
export function typeOf(frame: QueryFrame): QuestionType {
  return TYPE_OF[frame.intent];
}

/** The places a figure answer is for: named or carried forces (with England and Wales when compared
 * with it), England and Wales for a national question, none when the question names none. */
export function forcesOf(frame: QueryFrame): string[] {
  return placesOf(frame.scope, frame.comparison.target);
}

/** A share was asked for ("what share", or "the … rate" where no rate is published). */
export function asksShare(frame: QueryFrame): boolean {
  return frame.normalisation === 'share' || frame.normalisation === 'rate';
}

/** A rate per 1,000 workforce was asked for, or "the … rate" where one is published. */
export function asksPerHead(frame: QueryFrame): boolean {
  return frame.normalisation === 'per-1000' || frame.normalisation === 'rate';
}

/** The question names a measure or a breakdown of the catalogue. */
export function namesMeasure(frame: QueryFrame): boolean {
  return frame.measure.fits.length > 0 || frame.measure.breakdowns.length > 0;
}

/** Whether `measure` was matched only by words that fit several measures. */
export function isLoose(frame: QueryFrame, measure: string): boolean {
  return frame.measure.fits.some((f) => f.id === measure && f.loose === true);
}

/** Whether the question names `measure` outright (not only by words that fit several measures). */
export function namedOutright(frame: QueryFrame, measure: string): boolean {
  return frame.measure.fits.some((f) => f.id === measure && f.loose !== true);
}

/** Whether the question's forces came from the previous exchange. */
export function forcesCarried(frame: QueryFrame): boolean {
  return frame.scope.kind === 'forces' && frame.scope.carried;
}
