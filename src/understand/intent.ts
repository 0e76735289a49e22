/**
 * What a question asks us to do, decided by a table of rules over its cues: the phrase book's slots
 * (data/phrases.jsonl), how many places and periods it names, and whether it names a measure. The
 * rule of highest priority that holds wins, so a new intent is a row here (and its words a line of
 * the phrase book), never a pattern slotted into a ladder.
 */
import type { Frame } from '../model/answer.ts';
import type { PhraseSlot } from '../model/data.ts';
import type { Intent } from '../model/frame.ts';
import type { SlotMatch } from './phrases.ts';

/** Everything the rules read about a question. */
export interface Cues {
  slots: ReadonlyMap<PhraseSlot, SlotMatch[]>;
  /** How many words it has. */
  words: number;
  /** Places named: forces, towns, England and Wales (forces left out not counted). */
  places: number;
  /** England and Wales is among the places ("the slowest force in England and Wales"). */
  national: boolean;
  /** A region or a word several forces share ("Wales", "Yorkshire"). */
  group: boolean;
  /** Names a measure or breakdown of the catalogue. */
  named: boolean;
  /** Names one outright, not only with words that fit several ("complaints"). */
  namedOutright: boolean;
  /** A measure (not only a breakdown) named by words that fit it alone. */
  measureOutright: boolean;
  /** Periods named. */
  periods: number;
  /** "since 2021-22". */
  since: boolean;
  /** The answer's shape asks for forces in order (src/understand/shape.ts). */
  rank: boolean;
  /** Compared with England and Wales or the average force. */
  target: boolean;
  /** Counts the forces past England and Wales's figure ("how many forces took longer than the average?"). */
  pastTarget: boolean;
  /** Asks for one particular thing ("what is the salary of …"), not everything held. */
  asksValue: boolean;
  /** A term could be read after a definition's opening ("what is *?"). */
  term: boolean;
  /** Asks for a share or a rate of something (src/understand/frame.ts reads the normalisation). */
  share: boolean;
  /** Names a family of publications ("according to the BBC", "Home Office figures"). */
  family: boolean;
  /** The term a definition asks about is in quotation marks. */
  quotedTerm: boolean;
}

/** Whether the question holds a phrase of `slot`. */
export function has(cues: Pick<Cues, 'slots'>, slot: PhraseSlot): boolean {
  return (cues.slots.get(slot)?.length ?? 0) > 0;
}

/** A rule: the intent it decides, its priority (higher first) and when it holds. */
interface IntentRule {
  intent: Intent;
  priority: number;
  when: (c: Cues) => boolean;
}

/** Overview cues hold for a force named with nothing particular asked of it ("Kent?", "tell me about Essex"). */
function asksEverything(c: Cues): boolean {
  const plainForce =
    c.places > 0 &&
    !c.named &&
    c.periods === 0 &&
    (!has(c, 'quantity') || has(c, 'figures-for')) &&
    !c.asksValue &&
    !has(c, 'change') &&
    !has(c, 'compare') &&
    !has(c, 'trend');
  return has(c, 'overview') || plainForce;
}

/** Periods joined by "and" with no word of change: "in 2024/25 and in 2021/22". */
function listsPeriods(c: Cues): boolean {
  return has(c, 'periods-listed') && !has(c, 'compare');
}

const RULES: readonly IntentRule[] = [
  { intent: 'help', priority: 100, when: (c) => c.words === 0 },
  { intent: 'provenance', priority: 90, when: (c) => has(c, 'provenance') && c.places === 0 },
  { intent: 'chart', priority: 85, when: (c) => (has(c, 'chart') || has(c, 'csv')) && c.places === 0 && !c.named },
  { intent: 'help', priority: 80, when: (c) => has(c, 'help') && !c.named && c.places === 0 },
  { intent: 'recommendations', priority: 75, when: (c) => has(c, 'recommendation') },
  // "How many forces in England and Wales finalised more than 2,000…?": England and Wales is where they are counted.
  { intent: 'count', priority: 71, when: (c) => has(c, 'count-forces') && !c.target && (c.places - (c.national ? 1 : 0) === 0 || c.places > 2 || c.group) },
  { intent: 'count', priority: 71, when: (c) => c.pastTarget },
  // "How many subcategories had more than 5,000 …?": one place's breakdowns counted past the bar.
  { intent: 'count', priority: 71, when: (c) => has(c, 'count-breakdowns') && c.places <= 1 },
  // "Which force was slowest, and how does that compare with England and Wales?": England and Wales
  // is the bar the ranking is set against, no place ranked.
  // "The three forces that finalised the most … in England and Wales": England and Wales is where they are ranked.
  {
    intent: 'rank',
    priority: 70,
    when: (c) => c.rank && (c.places - (c.national && (c.target || has(c, 'forces-word')) ? 1 : 0) === 0 || c.places > 2 || c.group),
  },
  // "Was Lancashire the slowest force?", "where does Kent rank?": one force's place among all.
  { intent: 'rank', priority: 70, when: (c) => (has(c, 'superlative-force') || has(c, 'claims-end')) && c.places - (c.national ? 1 : 0) === 1 && !c.target },
  // "Which force logged the most allegations – was it the Met?": the ranking asked, the force named its claimed end.
  {
    intent: 'rank',
    priority: 70,
    when: (c) =>
      c.rank &&
      has(c, 'rank') &&
      (has(c, 'highest') || has(c, 'lowest')) &&
      c.places === 1 &&
      !c.target &&
      !has(c, 'rank-periods') &&
      !has(c, 'rank-breakdowns'),
  },
  // "The three biggest categories for GMP": a force's breakdowns in order.
  { intent: 'rank', priority: 69, when: (c) => has(c, 'rank-breakdowns') && c.places <= 1 },
  // "Which year had the most complaint investigations in Dorset?": one place's years in order.
  { intent: 'rank', priority: 69, when: (c) => has(c, 'rank-periods') && c.places <= 1 && (has(c, 'highest') || has(c, 'lowest')) },
  { intent: 'sources', priority: 72, when: (c) => has(c, 'sources') && c.places <= 1 },
  // "According to the Home Office, how many …", "Met officers facing hearings in 2023 according to London
  // Assembly figures" ask for a figure, not for what the Home Office or the Assembly said.
  {
    intent: 'statement',
    priority: 60,
    // "… with a case to answer, according to the BBC?" asks the BBC's figure, not what the BBC said.
    // "When was Carrick suspended, according to the Herts story?" asks a date the story gives.
    // "Someone said two-thirds went against Sussex. What do the figures say?" puts a claim to the figures.
    when: (c) =>
      has(c, 'statement') &&
      !has(c, 'claim-check') &&
      !has(c, 'how-many') &&
      !has(c, 'when') &&
      (has(c, 'speech') || !(c.measureOutright && (c.periods > 0 || c.family || has(c, 'duration') || has(c, 'quantity')))),
  },
  // "What sorts of complaint fall under 'delivery of duties and service'?": a quoted term asked about,
  // with no end of a ranking, is defined rather than ranked.
  {
    intent: 'define',
    priority: 75,
    when: (c) => c.term && c.quotedTerm && !has(c, 'quantity') && !has(c, 'highest') && !has(c, 'lowest') && c.periods === 0,
  },
  // "What does 'disapplication' mean in that Hampshire article?": a quoted term is defined wherever it was read.
  { intent: 'define', priority: 55, when: (c) => c.term && !has(c, 'quantity') && (c.places === 0 || c.quotedTerm) && c.periods === 0 },
  { intent: 'compare', priority: 51, when: (c) => asksEverything(c) && c.places > 1 },
  { intent: 'overview', priority: 50, when: asksEverything },
  { intent: 'trend', priority: 45, when: (c) => has(c, 'trend') },
  { intent: 'compare', priority: 40, when: (c) => c.places >= 2 || c.target || (has(c, 'compare') && c.places !== 1 && !has(c, 'change') && c.periods < 2) },
  // Two years listed with nothing asked of them ("in 2024/25, and what it was in 2019/20") are looked up, each.
  { intent: 'change', priority: 35, when: (c) => has(c, 'change') || c.since || (c.periods >= 2 && c.places <= 1 && !listsPeriods(c)) },
  { intent: 'share', priority: 30, when: (c) => c.share },
  // A measure named outright of a region ("allegations logged against the Welsh forces") is each of its forces, in order.
  { intent: 'rank', priority: 20, when: (c) => c.group && c.namedOutright },
  { intent: 'lookup', priority: 0, when: () => true },
];

const ORDERED = [...RULES].sort((a, b) => b.priority - a.priority);

/** The intent of the first rule, by priority, that holds. */
export function intentOf(cues: Cues): Intent {
  return (ORDERED.find((r) => r.when(cues)) as IntentRule).intent;
}

/** Intents answered from the figures table, whose follow-ups may lean on the previous question. */
export const FIGURE_INTENTS: readonly Intent[] = ['lookup', 'share', 'compare', 'change', 'trend', 'overview'];

/** The intent a previous answer's kind stands for. */
const OF_TYPE: Partial<Record<Frame['type'], Intent>> = { lookup: 'lookup', share: 'share', comparison: 'compare', change: 'change', trend: 'trend' };

/**
 * "What about Hertfordshire?" after a comparison is a comparison again; "and how many…" after a
 * change is a lookup. A bare follow-up (naming no measure and asking nothing of its own shape) keeps
 * the previous question's figure intent.
 */
export function inheritedIntent(intent: Intent, cues: Cues, previous: Frame | undefined, places: number): Intent {
  // "apart from the Met?", "and per officer?" after a ranking rank again.
  if (previous?.type === 'ranking' && cues.places === 0 && !cues.named && ['lookup', 'share', 'compare'].includes(intent)) return 'rank';
  const bare = !cues.named && !cues.share && !has(cues, 'change') && !has(cues, 'trend') && !has(cues, 'compare') && !has(cues, 'overview');
  const kept = previous ? OF_TYPE[previous.type] : undefined;
  // "Is that above the national average?" compares, whatever the previous question was.
  if (!bare || kept === undefined || !['lookup', 'overview', 'compare'].includes(intent) || cues.places > 1 || cues.target) return intent;
  return kept === 'compare' && places < 2 ? 'lookup' : kept;
}
