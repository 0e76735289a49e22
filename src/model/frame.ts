/**
 * The query frame: everything a question asks, read once from its words (and the previous
 * exchange), as plain typed data. Answering reads only the frame, never the question's text, so
 * what an answer says can always be traced to a field here (`forcewatch ask --explain` prints it).
 */
import { z } from 'zod';
import { Frame } from './answer.ts';
import { SourceFamily } from './data.ts';

const id = z.string().min(1);

/** What the question asks us to do. */
export const Intent = z.enum([
  /** One figure (or a few periods of it) for the scope. */
  'lookup',
  /** A part as a share of its whole. */
  'share',
  /** Two or more places side by side, or one against a target. */
  'compare',
  /** The difference between two periods. */
  'change',
  /** A series over every period held. */
  'trend',
  /** Forces in order ("which force had the most …", "top five"), or a total over them. */
  'rank',
  /** How many forces meet a threshold ("how many forces had more than 1,000 …"). */
  'count',
  /** What a term means, from the sources' text. */
  'define',
  /** What someone said, from the sources' text. */
  'statement',
  /** Everything held for a force. */
  'overview',
  /** The IOPC's learning recommendations, by force and topic. */
  'recommendations',
  /** Where the previous answer's figures come from. */
  'provenance',
  /** The previous answer as a chart or a CSV file. */
  'chart',
  /** What we hold: documents, forces, measures. */
  'sources',
  'help',
]);
export type Intent = z.infer<typeof Intent>;

/** A period the question names, in the words it used. */
export const PeriodAsk = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('financial-year'), id: z.string(), label: z.string() }),
  z.strictObject({ kind: z.literal('range'), from: z.number().int(), to: z.number().int(), label: z.string() }),
  /** A calendar year; `month` (1 to 12) where one was typed before it ("July 2020"), which only
   * answers dated to the day (the IOPC's recommendations) can narrow by. */
  z.strictObject({ kind: z.literal('year'), year: z.number().int(), month: z.number().int().min(1).max(12).optional(), label: z.string() }),
  /** "latest", "last year", "now": the newest period held for the measure and scope that answer. */
  z.strictObject({ kind: z.literal('latest'), label: z.string() }),
  /** "the year before": relative to the previous answer's period, else to the latest. */
  z.strictObject({ kind: z.literal('previous'), label: z.string() }),
  /** A follow-up's period by default: the previous answer's, where the figure asked is held for it. */
  z.strictObject({ kind: z.literal('held'), id: z.string(), label: z.string() }),
]);
export type PeriodAsk = z.infer<typeof PeriodAsk>;

/** A town or council area named for its force ("I live in Portsmouth"). */
export const Place = z.strictObject({ place: z.string(), force: id });
export type Place = z.infer<typeof Place>;

/** Whom the question is about. */
export const Scope = z.discriminatedUnion('kind', [
  /** Forces named (by name, alias, typo or place), in the order named; `carried` when a follow-up
   * took them from the previous exchange. */
  z.strictObject({ kind: z.literal('forces'), forces: z.array(id).min(1), carried: z.boolean(), places: z.array(Place) }),
  /** England and Wales as a whole ("nationally", "in England and Wales"). */
  z.strictObject({ kind: z.literal('national') }),
  /** Every force ("which force…", "across all forces"), less any left out ("apart from the Met"). */
  z.strictObject({ kind: z.literal('every-force'), except: z.array(id) }),
  /** A named group of forces ("the Welsh forces"), less any left out. */
  z.strictObject({ kind: z.literal('region'), region: z.string(), forces: z.array(id).min(1), except: z.array(id) }),
  /** No place at all: England and Wales where the figure is held for it. */
  z.strictObject({ kind: z.literal('unnamed') }),
  /** A name that looks like a force we do not know ("Narnia Police"). */
  z.strictObject({ kind: z.literal('unknown'), name: z.string() }),
  /** A word several forces share ("Yorkshire"). */
  z.strictObject({ kind: z.literal('ambiguous'), word: z.string(), candidates: z.array(id).min(2) }),
  /** A place outside England and Wales, and the force that covers it. */
  z.strictObject({
    kind: z.literal('outside'),
    place: z.string(),
    force: z.strictObject({ id, name: z.string(), jurisdiction: z.string(), notAForce: z.string().optional() }),
  }),
]);
export type Scope = z.infer<typeof Scope>;

/** A catalogue entry the question's words fit, and how strongly. */
export const Fit = z.strictObject({
  id,
  /** The number of question words its phrases cover (more for a phrase right after "how many"). */
  score: z.number(),
  /** Matched only by words that fit several measures ("complaints"), which the data decides between. */
  loose: z.boolean().optional(),
  /** Among measures named equally, how clearly the catalogue's own words (label, definition) prefer
   * this one (1: clearly, by a margin): an order among equals, never a reason to pass a longer phrase. */
  preferred: z.literal(true).optional(),
  /** For a loose fit, the words of its longest phrase: "complaints made" (2) names one measure more
   * surely than "complaints" (1). */
  words: z.number().int().positive().optional(),
});
export type Fit = z.infer<typeof Fit>;

/** What is counted: the measures and breakdowns (outcomes, categories) of the catalogue the words fit. */
export const MeasureReading = z.strictObject({
  /** Measures, best first. */
  fits: z.array(Fit),
  /** Breakdowns named outright, best first. */
  breakdowns: z.array(Fit),
  /** Of two or more breakdowns, those named by words no other breakdown's phrase shares ("racism and
   * sexual conduct", not "sexual misconduct"): each was asked, so one not held is said to be missing. */
  apart: z.array(id).optional(),
  /** Breakdowns named only inside a measure's phrase ("officers were sacked"): they count for a
   * measure the question names that has them. */
  inside: z.array(Fit),
  /** Breakdowns the question leaves out ("apart from race, which kind of discrimination…"). */
  excluded: z.array(id).optional(),
  /** Every measure a loose word points at, where a longer phrase took the word too. */
  touched: z.array(id),
  /** Asks how long something takes ("how long", "quickest"): only a measure of time taken answers it. */
  duration: z.boolean(),
  /** Measures named side by side ("complaints and conduct matters", "cases finalised and the average
   * days"): each part answered on its own, from the measures its words fit. */
  together: z.array(z.array(Fit)),
  /** A family of publications the question names ("in the BBC's figures"): its measures come first. */
  family: SourceFamily.optional(),
  /** Two measures the words name equally, of different families, that the catalogue's own words
   * cannot tell apart: the answer asks which, naming both, where both are held. */
  nearTie: z.tuple([id, id]).optional(),
  /** The previous exchange's measure and breakdown, for a follow-up that names neither. */
  carried: z.strictObject({ measure: id, breakdown: id.optional() }).optional(),
  /** A subject no figure of ours is broken down by ("noise" in "noise complaints", a person, a group
   * of people, a town within a force's area, a unit of any force's area such as a borough, a month):
   * declined, never answered with the total. */
  unheld: z.strictObject({ words: z.string(), by: z.enum(['subject', 'people', 'person', 'area', 'unit', 'month']) }).optional(),
  /** A subject of complaints named with nothing counted ("how many stop and searches?"): we count
   * complaints about it, not it. */
  subjectOnly: id.optional(),
});
export type MeasureReading = z.infer<typeof MeasureReading>;

/** How a figure is to be expressed. */
export const Normalisation = z.enum([
  'count',
  /** A part of its whole, as a percentage. */
  'share',
  /** Per 1,000 workforce ("per officer", "allowing for size"): a published rate first. */
  'per-1000',
  /** "the … rate": the rate a source publishes where there is one, otherwise the share. */
  'rate',
]);
export type Normalisation = z.infer<typeof Normalisation>;

/** What a comparison is against, beyond the places in scope. */
export const ComparisonTarget = z.enum([
  /** The published England and Wales figure. */
  'national',
  /** The average over forces, computed with working where no such figure is published. */
  'average',
]);
export type ComparisonTarget = z.infer<typeof ComparisonTarget>;

export const QueryFrame = z.strictObject({
  intent: Intent,
  scope: Scope,
  measure: MeasureReading,
  periods: z.strictObject({
    asks: z.array(PeriodAsk),
    /** "since 2021-22": from that period to the latest. */
    since: z.boolean(),
    /** The previous answer's period, which "the year before" counts back from. */
    anchor: id.optional(),
  }),
  normalisation: Normalisation,
  ranking: z.strictObject({
    /** Which end comes first; absent when the question says neither. */
    direction: z.enum(['highest', 'lowest']).optional(),
    /** How many places ("top three", "which two forces"). */
    limit: z.number().int().positive().optional(),
    /** The one place asked for ("the second-highest force"): the list reaches it and the lead names it. */
    position: z.number().int().min(2).max(10).optional(),
    /** What is put in order: forces, or a measure's breakdowns for one place: what was complained
     * about ("the most common complaints"), or what came of it ("the most common outcome"), or one
     * place's periods ("which year had the most"). */
    over: z.enum(['forces', 'breakdowns', 'outcomes', 'periods']),
    /** "more than 1,000", "50 or more" (inclusive): the number as typed is echoed, never treated as a figure of ours. */
    threshold: z.strictObject({ op: z.enum(['more', 'fewer']), value: z.number(), inclusive: z.boolean().optional() }).optional(),
    /** "Among forces with 10 or more reviews": the forces ranked or counted, by the count a share is of. */
    filter: z.strictObject({ op: z.enum(['more', 'fewer']), value: z.number(), inclusive: z.boolean().optional() }).optional(),
    /** "How many forces took longer than the England and Wales average?": the forces counted are those
     * past England and Wales's own figure, on this side of it. */
    pastTarget: z.enum(['more', 'fewer']).optional(),
    /** "How many forces took longer than Kent?": the force whose own figure is the bar, not England and Wales's. */
    pastPlace: id.optional(),
  }),
  comparison: z.strictObject({ target: ComparisonTarget.optional() }),
  /** A sum over forces ("in total", "altogether"). */
  total: z.boolean(),
  /** How a total broke down, by outcome ("what happened to them?"). */
  breakdown: z.boolean(),
  /** The whole beside a part ("… and how many in all?"). */
  alsoTotal: z.boolean(),
  /** "How many of the 38 … were on duty?": the whole the question takes a part of, by its number. */
  partOfNumber: z.number().optional(),
  /** Asks for a number ("how many", "what share") rather than for everything held. */
  quantity: z.boolean(),
  /** "When …?": a passage answering it should hold a date. */
  asksWhen: z.boolean(),
  /** "When did the Daily Echo run the story?": asks when a source was published, which its record
   * of the document says (marked where inferred), never a sentence of its text. */
  asksPublished: z.literal(true).optional(),
  /** Asks for words a source said rather than a figure ("who was quoted?", "why was it suspended?"): a
   * passage answers; "who" wants one naming someone, "why" one giving a reason, "differ" one telling
   * two terms apart. */
  asksText: z.enum(['who', 'why', 'differ', 'what']).optional(),
  /** Asks what no figure of ours can settle: a forecast ("next year", "will it rise"), an opinion
   * ("should…", "is it biased"), money ("budget", "spend") or who wrote an article (no byline is kept). */
  beyondFigures: z.enum(['forecast', 'opinion', 'money', 'activity', 'personnel', 'authorship']).optional(),
  /** Asks for both parts of a measure side by side ("with and without suspension", "outside and under Schedule 3"). */
  bothParts: z.literal(true).optional(),
  /** Where a second question leaning on the first starts ("…, and how long did they take?"): its
   * opening words, and which occurrence of them it is (0 for the first). */
  secondPart: z.strictObject({ words: z.array(z.string()).min(1), nth: z.number().int().nonnegative() }).optional(),
  /** Asks how far apart two figures are ("how many more days when suspension is included?"). */
  difference: z.literal(true).optional(),
  /** Asks how many times one figure is another ("took how many times the national average?"). */
  ratio: z.literal(true).optional(),
  /** Asks for one measure per another ("allegations per complaint logged"): the measures the words
   * before "per" fit, and those after it, to be divided for the same place and period. */
  ratioOf: z.strictObject({ of: z.array(Fit).min(1), per: z.array(Fit).min(1) }).optional(),
  /** Asks where one figure exceeds another held for the same force ("forces that finalised more
   * cases under Schedule 3 than outside it"): the measure named first, asked to be the larger. */
  outnumber: z.strictObject({ measure: z.string() }).optional(),
  /** The question puts a claim to the data ("Is it true that…", "…, right?"): the answer says first
   * whether the data bears it out, where the figures can tell. "more" or "fewer" where the claim is
   * that the place named first has more (or fewer) than the other ("… logged more … than the Met"). */
  checksClaim: z.union([z.literal(true), z.enum(['more', 'fewer', 'same'])]).optional(),
  /** A yes-or-no question claims the figure rose, fell, at least doubled or at least halved between the periods asked
   * ("Did complaints fall between 2021/22 and 2022/23?"): the change answered says first whether it did. */
  claimsChange: z.enum(['rise', 'fall', 'double', 'halve']).optional(),
  /** Figures a claim put to the data states ("I have 801 … Is that right?", "more than 2,400"), each
   * with the bound the claim puts on it: the answer says whether the figure held bears it out, and a
   * figure of another measure is named as that measure's. */
  claimed: z.array(z.strictObject({ value: z.number(), bound: z.enum(['over', 'under', 'about']).optional(), percent: z.literal(true).optional() })).optional(),
  /** Asks about the whole United Kingdom, of which we hold England and Wales only. */
  ukWide: z.literal(true).optional(),
  /** The term defined, or the speaker quoted, as typed. */
  subject: z.string().optional(),
  /** The average over forces is to take British Transport Police in with the territorial forces
   * ("the unweighted average of all 44 forces"). */
  withSpecial: z.literal(true).optional(),
  /** The share asked is of each place's own whole ("what % of their finalised cases were Schedule 3,
   * vs England and Wales?"), never one force's part of England and Wales's. */
  ownWhole: z.literal(true).optional(),
  /** A term a figure question also asks the meaning of ("what is a recordable conduct matter, and
   * how many were there?"), as typed: the answer gives the figure and the sources' definition. */
  defineToo: z.string().optional(),
  /** What a statement is about ("… say about body worn video?"), as typed. */
  about: z.string().optional(),
  /** The question's meaningful words, for searching the sources' text. */
  keywords: z.array(z.string()),
  /** The words of a label the question opens with ("Blackpool Gazette: …", "KentOnline - …"): who
   * asks or where, not a source asked about. */
  byline: z.array(z.string()).optional(),
  /** Words the question quotes ("'much broader than just misconduct'"), two or more: a passage holding them answers a text question. */
  quoted: z.array(z.string()).optional(),
  /** What a recommendations question is about: its meaningful words, less forces, numbers and the
   * words every such question uses ("learning", "recommended"). */
  topic: z.array(z.string()),
  /** Meaningful words no part of the frame accounts for: the answer says how it read the question. */
  unaccounted: z.array(z.string()),
  /** Of the IOPC's recommendations: the response asked about ("which were accepted?"), and whether
   * the question is about those the last answer quoted ("was it accepted?"). */
  recommendations: z
    .strictObject({
      response: z.enum(['yes', 'no', 'awaiting response']).optional(),
      quoted: z.boolean(),
      /** Asks what response each recommendation got ("and was it accepted?", "how many were accepted
       * and how many rejected?"), so none is left out for its response. */
      responses: z.literal(true).optional(),
    })
    .optional(),
  /** For the last answer in another form: the files asked for, an image of its chart, its rows as CSV. */
  files: z.array(z.enum(['png', 'csv'])).optional(),
  /** The previous exchange's frame, kept when this question only asks about the last answer. */
  context: Frame.optional(),
});
export type QueryFrame = z.infer<typeof QueryFrame>;
