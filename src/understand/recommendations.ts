/**
 * The parts of a question about the IOPC's learning recommendations: what they are about (the topic
 * words) and what is asked of their responses (kept to one response, or each one's response told).
 * The words are the phrase book's (data/phrases.jsonl); this module only reads its slots.
 */
import type { PhraseSlot } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { STOPWORDS } from '../text/words.ts';
import type { PhraseBook, SlotMatch } from './phrases.ts';

type Response = NonNullable<NonNullable<QueryFrame['recommendations']>['response']>;

/** Slots whose phrases shape an answer (its order, places left out, thresholds), never its topic. */
const SHAPE_SLOTS: readonly PhraseSlot[] = [
  'exclude',
  'highest',
  'lowest',
  'rank',
  'more-than',
  'fewer-than',
  'every-force',
  'count-forces',
  'national-target',
  'average-target',
  'per-head',
  'total',
  'trend',
  'change',
  'compare',
];

/** Slots whose phrases are never a topic, gap and all: where a figure comes from ("going by the
 * BBC's dataset"), or the response asked of what was found ("has GMP accepted it?"). */
const WHOLE_SLOTS: readonly PhraseSlot[] = ['source-noise', 'response-of-them'];

/** Slots saying that a topic is a category ("falls under", "fall in the * category", which the mask
 * also holds so it is never a fall): never a topic themselves, but the words in their gap are. */
const FRAMING_SLOTS: readonly PhraseSlot[] = ['filed-under', 'mask'];

/** The responses a question names, each once; "not accepted" is one response, not also "accepted". */
const RESPONSE_SLOTS: ReadonlyArray<[PhraseSlot, Response]> = [
  ['not-accepted', 'no'],
  ['awaiting', 'awaiting response'],
  ['accepted', 'yes'],
];

/** The responses named, in the order of their slots, each phrase counted once where phrases overlap. */
export function responsesNamed(slots: ReadonlyMap<PhraseSlot, SlotMatch[]>): Response[] {
  const seen: SlotMatch[] = [];
  const named: Response[] = [];
  for (const [slot, response] of RESPONSE_SLOTS) {
    const own = (slots.get(slot) ?? []).filter((m) => !seen.some((s) => m.at < s.end && s.at < m.end));
    if (own.length > 0) named.push(response);
    seen.push(...(slots.get(slot) ?? []));
  }
  return named;
}

/**
 * What is asked of the responses: the one named, and whether each recommendation's response is asked
 * rather than only those with it kept ("how many were accepted and how many rejected?" names two;
 * "…, and was it accepted?" asks it of what was found).
 */
export function responseAsked(slots: ReadonlyMap<PhraseSlot, SlotMatch[]>): { response?: Response; responses: boolean } {
  const named = responsesNamed(slots);
  const ofThem = (slots.get('response-of-them')?.length ?? 0) > 0;
  const [one] = named;
  return { ...(one !== undefined ? { response: one } : {}), responses: named.length > 1 || ofThem };
}

/** What a recommendations question is about: its meaningful words less forces, numbers and the
 * words such questions always use. */
export function topicWords(
  ws: readonly string[],
  taken: (at: number) => boolean,
  counting: boolean,
  phrases: PhraseBook,
  slots: ReadonlyMap<PhraseSlot, SlotMatch[]>,
): string[] {
  // "apart from the Met", "the most": words that shape the answer, not its topic.
  const shaping = [...SHAPE_SLOTS, ...FRAMING_SLOTS].flatMap((slot) => slots.get(slot) ?? []);
  const inShape = (at: number) => shaping.some((m) => at >= m.at && at < m.end && !(m.gap && at >= m.gap[0] && at < m.gap[1]));
  const whole = WHOLE_SLOTS.flatMap((slot) => slots.get(slot) ?? []);
  const inWhole = (at: number) => whole.some((m) => at >= m.at && at < m.end);
  return ws.filter((w, at) => {
    if (STOPWORDS.has(w) || taken(at) || inShape(at) || inWhole(at) || /^\d+$/.test(w)) return false;
    if (phrases.isWordOf('topic-noise', w)) return false;
    return !(counting && phrases.isWordOf('count-noise', w));
  });
}
