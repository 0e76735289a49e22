/**
 * The shape of the answer a question asks for, read from the phrase book's slots: a ranking and its
 * direction, how many places, a rate allowing for size, a sum, forces left out, a threshold ("more
 * than 1,000"), a count of forces, a comparison with England and Wales. The query frame carries it.
 */
import type { PhraseSlot } from '../model/data.ts';
import { ordinalNumber, wordNumber } from '../text/numbers.ts';
import { type ForceMention, NATIONAL } from './forces.ts';
import type { SlotMatch } from './phrases.ts';

export interface Shape {
  /** Asks for forces in order. */
  rank: boolean;
  /** Which end of the order comes first; undefined when the question says neither. */
  direction?: 'highest' | 'lowest';
  /** How many places ("top three", "which two forces"). */
  limit?: number;
  /** The one place asked for ("the second-highest", "3rd most"). */
  position?: number;
  perHead: boolean;
  total: boolean;
  /** Forces the question leaves out ("apart from the Met"). */
  excluded: string[];
  /** Forces the question lets in to a count or ranking of every force ("counting BTP"). */
  included: string[];
  threshold?: { op: 'more' | 'fewer'; value: number; inclusive?: boolean };
  /** Which forces are ranked or counted, by the count a share is of ("among forces with 10 or more reviews"). */
  filter?: { op: 'more' | 'fewer'; value: number; inclusive?: boolean };
  /** Asks how many forces (meet a threshold). */
  countForces: boolean;
  /** "How many forces took longer than the England and Wales average?": the forces counted are those
   * past the England and Wales figure, on this side of it. */
  pastTarget?: 'more' | 'fewer';
  /** "How many forces took longer than Kent?": the force whose own figure is the bar, in place of England and Wales's. */
  pastPlace?: string;
  /** Compares with England and Wales as a whole: its published figure, or the average force. */
  target?: 'national' | 'average';
  /** Asks how a total broke down, by outcome. */
  breakdown: boolean;
  /** Asks for the total beside a part. */
  alsoTotal: boolean;
  /** Asks about the IOPC's learning recommendations. */
  recommendation: boolean;
}

/** Words after a number that make it a span of time rather than a threshold. */
const SPANS_OF_TIME = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'decade', 'decades']);

/** Words before a threshold that make it pick the forces compared rather than ask about them. */
const FILTER_BEFORE = new Set(['with', 'having']);

/** Verbs before "no" that make it a threshold of none ("which forces had no …"). */
const NONE_BEFORE = new Set(['had', 'have', 'has', 'with', 'recorded', 'logged', 'received', 'reported', 'got']);

/** Words that may sit between an exclusion and the force it leaves out ("apart from the Met"):
 * "excluding suspension for Lancashire" leaves out suspension, not Lancashire. */
const BETWEEN_EXCLUSION = new Set(['the', 'both', 'and', 'or']);

/** Words asking whether a force was left out ("was the Met excluded?"), not leaving it out. */
const ASKING_IF = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', 'get', 'got']);

/** Words after "more than" that make it an end of a ranking, not a threshold ("… than any other force"). */
const ANY_OTHER = new Set(['any', 'every', 'all']);

/** Reads the shape from the slots found in the question's words `ws`. */
export function readShape(ws: readonly string[], slots: Map<PhraseSlot, SlotMatch[]>, forces: ForceMention): Shape {
  const has = (slot: PhraseSlot) => (slots.get(slot)?.length ?? 0) > 0;
  // "At least 5,000" is a threshold, not the least; "slower than any other force" is the slowest.
  // "Ignoring forces with fewer than 10 reviews, which had the highest…": "fewer" bounds, and says no end.
  const thresholds = [...(slots.get('more-than') ?? []), ...(slots.get('fewer-than') ?? [])].filter((t) => !ANY_OTHER.has(ws[t.end] ?? ''));
  const unbounded = (slot: PhraseSlot) => (slots.get(slot) ?? []).filter((m) => !thresholds.some((t) => m.at < t.end && t.at < m.end));
  // "Top 3 quickest": "top" says how many places; the word after it says which end.
  const placeWord = (m: SlotMatch) => m.end - m.at === 1 && (ws[m.at] === 'top' || ws[m.at] === 'bottom');
  const saysEnd = [...unbounded('highest'), ...unbounded('lowest')].some((m) => !placeWord(m));
  // "Most quickly" is the lowest time, though "most" alone is the highest: the longer phrase says which end.
  const within = (m: SlotMatch, slot: PhraseSlot) => unbounded(slot).some((o) => o.at <= m.at && m.end <= o.end && o.end - o.at > m.end - m.at);
  const other = (slot: PhraseSlot): PhraseSlot => (slot === 'highest' ? 'lowest' : 'highest');
  const directed = (slot: PhraseSlot) => unbounded(slot).filter((m) => (!saysEnd || !placeWord(m)) && !within(m, other(slot)));
  const first = (slot: PhraseSlot) => directed(slot)[0]?.at ?? Infinity;
  // "Higher or lower than Hertfordshire?", "faster or slower": both ends offered ask no direction.
  const offered = has('either-end');
  const direction =
    !offered && (directed('highest').length > 0 || directed('lowest').length > 0) ? (first('highest') <= first('lowest') ? 'highest' : 'lowest') : undefined;
  // A force right after an exclusion is left out, and so is one joined to it ("leaving out Kent and Essex").
  const taken = new Set<number>();
  // "So not BTP" leaves BTP out as "apart from BTP" does.
  // "How far behind the Met": a force compared with, not left out.
  const compared = slots.get('compare') ?? [];
  const exclusions = [...(slots.get('exclude') ?? []), ...(slots.get('negation') ?? [])].filter(
    (m) => !compared.some((c) => c.end - c.at > 1 && m.at >= c.at && m.end <= c.end),
  );
  const excluded = forcesAfter(exclusions, ws, forces, taken);
  // "Counting BTP, how many forces…": a force let in, not the one force asked about.
  const included = forcesAfter(slots.get('include') ?? [], ws, forces, taken);
  // "(BTP included)", "the Met aside": a force named just before the word is let in, or left out.
  const leftOutAt = new Set((slots.get('left-out-after') ?? []).map((m) => m.at));
  for (const p of forces.positions) {
    const end = forces.spans.find(([a]) => a === p.at)?.[1] ?? p.at + 1;
    if (taken.has(p.at)) continue;
    if (ws[end] === 'included' && !included.includes(p.force)) included.push(p.force);
    else if (leftOutAt.has(end) && !ASKING_IF.has(ws[p.at - 1] ?? '') && !ASKING_IF.has(ws[p.at - 2] ?? '') && !excluded.includes(p.force)) {
      excluded.push(p.force);
      taken.add(p.at);
    }
  }
  // "Not counting London", "leave London out of it", "apart from the Welsh forces": every force the word is shared by.
  const shared = forces.ambiguous;
  const sharedAt = shared ? ws.indexOf(shared.word) : -1;
  const inGap = (m: SlotMatch) => m.gap !== undefined && sharedAt >= m.gap[0] && sharedAt < m.gap[1];
  if (
    shared &&
    sharedAt >= 0 &&
    (exclusions.some((m) => m.end === sharedAt || (m.end === sharedAt - 1 && ws[m.end] === 'the') || inGap(m)) || leftOutAt.has(sharedAt + 1))
  )
    excluded.push(...shared.candidates.filter((f) => !excluded.includes(f)));
  const target = has('average-target') ? 'average' : has('national-target') ? 'national' : undefined;
  const nationalTarget = target !== undefined;
  const stated = thresholdsAsked(ws, slots);
  // "Forces averaging 200 days or more - how many?": forces past a threshold, counted.
  const countForces = has('count-forces') || (has('forces-word') && has('quantity') && stated.length > 0 && !has('highest') && !has('lowest'));
  const forcesWord = has('forces-word');
  const position = [...directed('highest'), ...directed('lowest')].map((m) => ordinalNumber(ws[m.at - 1] ?? '')).find((n) => n !== undefined);
  // "Excl Met, most …", "second longest …": an end of a ranking with forces left out, or a place in
  // it, ranks every force; so do "forces averaging more than 250 days" listed.
  const ranked = direction !== undefined && (excluded.length > 0 || position !== undefined);
  const listed = forcesWord && stated.length > 0;
  const shape: Shape = {
    included,
    // "Did forces get quicker at …?" asks how a figure changed, not which force is quickest.
    // "Which force was slowest, and how does that compare with England and Wales?" ranks all the same.
    rank:
      (!nationalTarget || (forcesWord && direction !== undefined)) &&
      // "The total for the 43 forces in England and Wales" is England and Wales's figure, no ranking.
      (has('rank') ||
        countForces ||
        ranked ||
        listed ||
        ((direction !== undefined || (has('total') && !forces.forces.includes(NATIONAL))) && forcesWord && !has('change'))),
    perHead: has('per-head'),
    // "The difference between the Met and GMP in total allegations logged": the total is the measure's, not a sum of the forces.
    // "A percentage of the England and Wales total": the whole a share is of, not a sum asked.
    total: (slots.get('total') ?? []).some((m) => !within(m, 'share-of-all')) && !nationalTarget && !has('difference'),
    excluded,
    countForces,
    breakdown: has('breakdown'),
    alsoTotal: has('also-total'),
    recommendation: has('recommendation'),
  };
  if (direction) shape.direction = direction;
  if (target) shape.target = target;
  const limit = placesAsked(ws, slots);
  if (limit !== undefined) shape.limit = limit;
  if (position !== undefined) shape.position = position;
  // "Among forces with 10 or more reviews, …": a threshold after "with" picks the forces ranked, on
  // the count the ranked share is of; any other is the threshold asked about.
  // Alone and with no end of a ranking asked, it is the threshold ("how many forces with more than 1,000 …").
  const picks = (at: number) => FILTER_BEFORE.has(ws[at - 1] ?? '') && (direction !== undefined || stated.length > 1);
  const picked = stated.find((t) => picks(t.at));
  // "Ignoring forces with fewer than 10 reviews": the forces kept are those on the other side.
  const setAside = picked !== undefined && (slots.get('exclude') ?? []).some((m) => m.end >= picked.at - 3 && m.end < picked.at);
  const filter =
    picked && setAside
      ? { op: picked.threshold.op === 'more' ? ('fewer' as const) : ('more' as const), value: picked.threshold.value, inclusive: !picked.threshold.inclusive }
      : picked?.threshold;
  const threshold = stated.find((t) => !picks(t.at))?.threshold;
  if (filter) shape.filter = filter;
  if (threshold) shape.threshold = threshold;
  // "Above the England and Wales 30%", "longer than Kent": a place named is a target too.
  const past = countForces && !threshold ? pastTargetAsked(ws, slots, forces) : undefined;
  if (past) shape.pastTarget = past.op;
  if (past?.force !== undefined) shape.pastPlace = past.force;
  return shape;
}

/** Words that may stand between "more than" and England and Wales named ("longer than the England and Wales average"). */
const BEFORE_TARGET = new Set(['the', 'a', 'an', 'its', 'their']);

/** The national figure's own value may stand there too ("above the 29 percent national figure"). */
const TARGET_VALUE = /^(?:\d+(?:\.\d+)?|percent|per|cent|days)$/;

/** "More than the national figure", "lower … than the England and Wales average", "longer than
 * Kent": which side of the bar the forces counted are on, and the force whose figure is the bar where
 * one is named (none for England and Wales's own figure). */
function pastTargetAsked(
  ws: readonly string[],
  slots: Map<PhraseSlot, SlotMatch[]>,
  forces: ForceMention,
): { op: 'more' | 'fewer'; force?: string } | undefined {
  const named = forces.positions.map((p) => ({ at: p.at, end: forces.spans.find(([a]) => a === p.at)?.[1] ?? p.at + 1, force: p.force }));
  const targets = [...(slots.get('national-target') ?? []), ...(slots.get('average-target') ?? []), ...named];
  // The target's phrase may take the "than" itself ("than the England and Wales figure").
  const bar = (m: SlotMatch) =>
    targets.find((t) => t.at > m.at && t.at >= m.end - 1 && ws.slice(m.end, t.at).every((w) => BEFORE_TARGET.has(w) || TARGET_VALUE.test(w)));
  // "Fewer allegations than Essex": the words of the claim slots span what is counted.
  for (const [op, phrases] of [
    ['more', ['more-than', 'claims-more']],
    ['fewer', ['fewer-than', 'claims-fewer']],
  ] as const) {
    const found = phrases
      .flatMap((slot) => slots.get(slot) ?? [])
      .map(bar)
      .find((t) => t !== undefined);
    if (found) return 'force' in found && found.force !== NATIONAL ? { op, force: found.force } : { op };
  }
  return undefined;
}

/** The forces right after each of `phrases` ("apart from the Met", "leaving the Met aside"), and those
 * joined to them ("leaving out Kent and Essex"); `taken` holds where forces were already claimed. */
function forcesAfter(phrases: readonly SlotMatch[], ws: readonly string[], forces: ForceMention, taken: Set<number>): string[] {
  const found: string[] = [];
  for (const m of phrases) {
    // "leaving the Met aside": the forces inside the phrase.
    if (m.gap) {
      const [a, b] = m.gap;
      for (const p of forces.positions) {
        if (p.at < a || p.at >= b || taken.has(p.at)) continue;
        found.push(p.force);
        taken.add(p.at);
      }
      continue;
    }
    let at = m.end;
    for (const p of [...forces.positions].sort((a, b) => a.at - b.at)) {
      if (p.at < at) continue;
      if (!ws.slice(at, p.at).every((w) => BETWEEN_EXCLUSION.has(w))) break;
      if (!taken.has(p.at)) found.push(p.force);
      taken.add(p.at);
      at = forces.spans.find(([a]) => a === p.at)?.[1] ?? p.at + 1;
    }
  }
  return found;
}

/** "top three", "bottom 5", "which two forces", "the four Welsh forces". */
function placesAsked(ws: readonly string[], slots: Map<PhraseSlot, SlotMatch[]>): number | undefined {
  for (const m of slots.get('rank') ?? []) {
    const word = ws[m.end - 1];
    if (word === 'top' || word === 'bottom') {
      const n = wordNumber(ws[m.end] ?? '');
      if (n !== undefined && n > 0) return Math.min(n, 50);
    }
  }
  // "the three biggest categories": a number straight before the phrase.
  for (const m of [...(slots.get('rank-breakdowns') ?? []), ...(slots.get('highest') ?? []), ...(slots.get('lowest') ?? [])]) {
    const n = wordNumber(ws[m.at - 1] ?? '');
    // "2024-25 most common": the end of a year, not a number of places.
    const ofYear = /^\d{4}$/.test(ws[m.at - 1] ?? '') || /^\d{4}$/.test(ws[m.at - 2] ?? '');
    if (n !== undefined && n > 0 && n <= 50 && !ofYear) return n;
  }
  for (const m of slots.get('forces-word') ?? []) {
    // One word may sit between the number and "forces": "the four Welsh forces".
    for (const at of [m.at - 1, m.at - 2]) {
      const n = wordNumber(ws[at] ?? '');
      if (n !== undefined && n > 0 && n <= 50) return n;
    }
  }
  return undefined;
}

/** Whether `value` is past `threshold` ("more than 1,000", "at least 10"). */
export function meetsThreshold(threshold: NonNullable<Shape['threshold']>, value: number): boolean {
  return (threshold.op === 'more' ? value > threshold.value : value < threshold.value) || (threshold.inclusive === true && value === threshold.value);
}

/** "more than", "at least", "fewer than", "at most": how a threshold is said before its number. */
export function thresholdWords(threshold: NonNullable<Shape['threshold']>): string {
  if (threshold.op === 'more') return threshold.inclusive ? 'at least' : 'more than';
  return threshold.inclusive ? 'at most' : 'fewer than';
}

/** The number starting at word `at`, its thousands rejoined ("1", "000"), with the word after it. */
function numberAt(ws: readonly string[], at: number): { value: number; next: number } | undefined {
  // "at least one", "more than ten".
  const word = ws[at] ?? '';
  if (!/^\d+$/.test(word)) {
    const n = wordNumber(word);
    return n === undefined ? undefined : { value: n, next: at + 1 };
  }
  // "over 2021-22" is a period, not a threshold.
  if (/^\d{2}$/.test(ws[at + 1] ?? '')) return undefined;
  let digits = ws[at] ?? '';
  let end = at;
  while (/^\d{3}$/.test(ws[end + 1] ?? '')) digits += ws[++end];
  // "2.5" reaches us as "2", "5": one digit after a number is its tenths.
  if (/^\d$/.test(ws[end + 1] ?? '')) digits += `.${ws[++end]}`;
  return { value: Number(digits), next: end + 1 };
}

type Threshold = NonNullable<Shape['threshold']>;

/** Every threshold the question states ("more than 1,000", "at least 50", "50 or more", "no …"),
 * each with where it starts. */
/** The number ending right before word `per` ("2.4 per"), read as numberAt reads it, or undefined. */
function rateBefore(ws: readonly string[], per: number): number | undefined {
  // The earliest start that reaches "per": "2", "4" is 2.4, not 4.
  for (let start = Math.max(0, per - 3); start < per; start++) {
    const n = numberAt(ws, start);
    if (n && n.next === per) return n.value;
  }
  return undefined;
}

function thresholdsAsked(ws: readonly string[], slots: Map<PhraseSlot, SlotMatch[]>): Array<{ threshold: Threshold; at: number }> {
  const found: Array<{ threshold: Threshold; at: number }> = [];
  for (const op of ['more', 'fewer'] as const) {
    for (const m of slots.get(op === 'more' ? 'more-than' : 'fewer-than') ?? []) {
      const n = numberAt(ws, m.end);
      // "in the job for more than ten years" is how long someone served, not a threshold on a figure.
      if (!n || SPANS_OF_TIME.has(ws[n.next] ?? '')) continue;
      // "did not take more than 100 days", "no more than": the other side, the number included.
      const other = [ws[m.at - 1], ws[m.at - 2]].some((w) => w === 'not' || w === 'no');
      const threshold: Threshold = other
        ? { op: op === 'more' ? 'fewer' : 'more', value: n.value, inclusive: true }
        : { op, value: n.value, ...(ws[m.at] === 'at' || (ws[m.at - 1] === 'or' && ws[m.at - 2] === 'at') ? { inclusive: true } : {}) };
      found.push({ threshold, at: m.at });
    }
  }
  // "Which forces had no …", "did not log a single …", "without a single …": fewer than one.
  for (const [at, w] of ws.entries()) {
    // "had 0% of their reviews …", "had none of their reviews …", "but none found …".
    const nought = w === 'no' || w === 'zero' || w === 'none' || (w === '0' && !/^\d+$/.test(ws[at + 1] ?? ''));
    if ((nought && NONE_BEFORE.has(ws[at - 1] ?? '')) || (w === 'none' && ws[at - 1] === 'but')) found.push({ threshold: { op: 'fewer', value: 1 }, at });
    else if (w === 'single' && ws[at - 1] === 'a' && ws.slice(Math.max(0, at - 4), at - 1).some((x) => x === 'not' || x === 'without'))
      found.push({ threshold: { op: 'fewer', value: 1 }, at });
  }
  // "50 or more", "10 or fewer", "10 days or fewer".
  for (const [at, w] of ws.entries()) {
    // "Five or more" as well as "5 or more".
    const n = (/^\d+$/.test(w) || wordNumber(w) !== undefined) && !/^\d+$/.test(ws[at - 1] ?? '') ? numberAt(ws, at) : undefined;
    const or = n && ws[n.next] !== 'or' && /^[a-z]+$/.test(ws[n.next] ?? '') ? n.next + 1 : n?.next;
    if (!n || or === undefined || ws[or] !== 'or') continue;
    // "2.4 per 1,000 workforce or higher": the rate is the threshold, not what it is per.
    const rate = ws[at - 1] === 'per' ? rateBefore(ws, at - 1) : undefined;
    const value = rate ?? n.value;
    const after = ws[or + 1] ?? '';
    if (['more', 'over', 'above', 'higher', 'greater'].includes(after)) found.push({ threshold: { op: 'more', value, inclusive: true }, at });
    if (['fewer', 'less', 'under', 'below', 'lower'].includes(after)) found.push({ threshold: { op: 'fewer', value, inclusive: true }, at });
  }
  return found.sort((a, b) => a.at - b.at);
}
