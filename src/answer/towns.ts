/**
 * A town, city or council area asked about is answered with its force's figures ("complaint cases
 * finalised for Cardiff"), never silently: the answer first says which force polices it and that
 * our figures are the whole force's.
 */
import type { Answer } from '../model/answer.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerDraft } from './draft.ts';
import { joinNames } from './holdings.ts';

/** The answer `compose` gives, led by the force each town named is policed by, where it answered. */
export function withTownsNamed(draft: AnswerDraft, frame: QueryFrame, compose: () => Answer): Answer {
  const towns = frame.scope.kind === 'forces' ? frame.scope.places : [];
  if (towns.length === 0) return compose();
  const said = towns.map((t) => `${draft.echo(t.place)} is policed by ${draft.forceName(t.force)}`);
  return draft.led(compose, () => `${joinNames(said)}; our figures are whole forces', never a town's.\n`);
}
