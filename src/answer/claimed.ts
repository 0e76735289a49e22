/**
 * Figures a claim puts to the data ("I have 801 complaint cases finalised under Schedule 3. Is that
 * right?"): whether the figure answered bears the claim out, said first; and a claimed figure that is
 * another measure's for the same place and period, said to be so, cited, so a number taken from the
 * wrong column is caught.
 */
import type { Answer, Fact } from '../model/answer.ts';
import type { Metric } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { inPeriod } from './holdings.ts';

/** " The 801 quoted is Warwickshire Police's figure for …" for each claimed figure found under another measure; else "". */
export function claimedElsewhere(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, force: string, metric: Metric, periods: readonly string[]): string {
  const claimed = frame.claimed ?? [];
  if (claimed.length === 0) return '';
  const held = ctx.store.forForce(force).filter((o) => periods.includes(o.period.id));
  // A claimed figure the answer's own measure holds is confirmed by the answer itself.
  const answered = new Set(held.filter((o) => o.metric.id === metric.id).map((o) => o.value));
  const notes = claimed.flatMap(({ value, percent }) => {
    if (percent || answered.has(value)) return [];
    const other = held.find((o) => o.value === value && o.metric.id !== metric.id && o.metric.unit === metric.unit);
    if (!other) return [];
    const s = draft.stated(other);
    draft.allow(other.metric.label);
    return [` The ${s.shown} quoted is ${draft.forceName(force)}'s figure for ${other.metric.label} ${inPeriod(other.period)} ${s.marks}, another measure.`];
  });
  return notes.join('');
}

/** The way a change is claimed to have gone ("did complaints fall?"), for a change answer to judge;
 * undefined where figures were claimed too ("fell by around 30%"), which the claim's figures settle. */
export function changeClaimed(frame: QueryFrame): QueryFrame['claimsChange'] {
  return (frame.claimed ?? []).length > 0 ? undefined : frame.claimsChange;
}

/** "Did they fall?", "have they risen?": the way a change is claimed, where no figure or multiple was. */
export function riseOrFallClaimed(frame: QueryFrame): 'rise' | 'fall' | undefined {
  const claim = changeClaimed(frame);
  return claim === 'rise' || claim === 'fall' ? claim : undefined;
}

/** The verdict on a claim, said before the figures that settle it. */
export function verdict(borneOut: boolean, roughly = false): string {
  return borneOut ? (roughly ? 'Yes, roughly. ' : "Yes, that's right. ") : "No, that's not right. ";
}

/** How far a figure put "about" or "nearly" may be from the one held and still be borne out. */
const ROUGHLY = 0.05;
/** The same for a share, in percentage points. */
const PERCENT_POINTS = 2.5;
/** A share claimed as a whole number is borne out by one given to a decimal place that rounds to it. */
const HALF = 0.5;

/**
 * "Yes, that's right." or "No, that's not right." before an answer to a claim, judged on `given` (the
 * figures the answer gives, the one answered first): a figure claimed exactly must be one of them, of
 * the measure answered or the whole or part it belongs to (a sibling's figure is another measure's,
 * named as such); one bounded ("more than 2,400", "nearly 1,000") is judged against the figure
 * answered. "No" only where one figure was claimed, so a claim's other numbers never decide it; ""
 * where nothing was claimed, or the claim says more than its figures (how many times, which is more).
 */
function claimVerdict(ctx: AnswerContext, frame: QueryFrame, given: readonly Fact[]): string {
  const claimed = frame.claimed ?? [];
  const [main] = given;
  // Which of two is more is judged where they are compared.
  if (claimed.length === 0 || main === undefined || frame.ratio || typeof frame.checksClaim === 'string') return '';
  const measure = (f: Fact) => ctx.metricById.get(f.metric)?.measure;
  const own = measure(main);
  const related = (f: Fact) => {
    const m = measure(f);
    return m === own || (m !== undefined && own !== undefined && (ctx.measures.get(m)?.partOf === own || ctx.measures.get(own)?.partOf === m));
  };
  // A share claimed is judged against the shares given, the first of them the one answered. A change
  // in percent is judged by its size in the way claimed ("fell by around 30%" of a fall of 30.3%).
  const way = frame.claimsChange === 'fall' ? -1 : 1;
  const sized = (f: Fact) =>
    f.computed?.operation === 'percent_change' ? { ...f, value: frame.claimsChange === undefined ? Math.abs(f.value) : f.value * way } : f;
  const shares = given.filter((f) => f.unit === 'percent').map(sized);
  const holds = ({ value, bound, percent }: (typeof claimed)[number]) => {
    const judged = percent ? shares[0]?.value : main.value;
    if (judged === undefined) return false;
    if (bound === 'over') return judged > value;
    if (bound === 'under') return judged < value;
    if (bound === 'about') return Math.abs(judged - value) <= (percent ? PERCENT_POINTS : value * ROUGHLY);
    return percent ? shares.some((f) => Math.abs(f.value - value) < HALF) : given.some((f) => f.value === value && (f.computed !== undefined || related(f)));
  };
  // A share claimed of an answer giving none ("up by a third" of a count) cannot be judged either way.
  if (claimed.some((c) => c.percent && shares.length === 0)) return '';
  // "I've seen 3,757 and 4,585 in different papers, which is right?": two figures the sources give for
  // one measure, place and year bear out neither claim over the other.
  const matched = claimed.filter((c) => !c.bound && !c.percent).flatMap((c) => given.filter((f) => f.value === c.value && f.computed === undefined));
  const slot = (f: Fact) => `${f.metric} ${f.force} ${f.periodId}`;
  if (new Set(matched.map(slot)).size < matched.length) return '';
  if (claimed.every(holds))
    return verdict(
      true,
      claimed.some((c) => c.bound === 'about'),
    );
  return claimed.length === 1 ? verdict(false) : '';
}

/** The answer `compose` gives to a claim put to the data, led by whether the figures bear it out. */
export function judgedClaim(ctx: AnswerContext, draft: AnswerDraft, frame: QueryFrame, compose: () => Answer): Answer {
  if ((frame.claimed ?? []).length === 0) return compose();
  const from = draft.facts.length;
  return draft.led(compose, () => claimVerdict(ctx, frame, draft.facts.slice(from)));
}
