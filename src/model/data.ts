/**
 * Schemas for the bundled data: the force register, the metric vocabulary, source documents and
 * structured figures. Each schema and its type share one name; data files are parsed with these
 * once, at load, and trusted inside the engine.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "hampshire"');
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

/** A police force, or an area a figure can cover ("England and Wales"). */
export const Force = z.strictObject({
  id: slug,
  name: z.string().min(1),
  /** Short name used in running text ("Hampshire"). */
  shortName: z.string().min(1),
  /** Other names people use: former names, abbreviations, nicknames. */
  aliases: z.array(z.string().min(1)),
  /** Names that are names only when written with a capital, being words too ("Met" beside "we met"). */
  casedAliases: z.array(z.string().min(1)).optional(),
  kind: z.enum(['territorial', 'special', 'area']),
  region: z.string().optional(),
  /** Council areas, cities and towns the force polices ("Portsmouth"), so a place names its force. */
  areas: z.array(z.string().min(1)).optional(),
});
export type Force = z.infer<typeof Force>;

/** A police force outside England and Wales, with the places it covers: a question about one is
 * told which force that is and that we do not cover it. */
export const OutsideForce = z.strictObject({
  id: slug,
  name: z.string().min(1),
  jurisdiction: z.string().min(1),
  places: z.array(z.string().min(1)).min(1),
  /** For a body inside England and Wales that is not one of its police forces (the National Crime
   * Agency): what it is, said instead of "outside England and Wales". */
  notAForce: z.string().min(1).optional(),
});
export type OutsideForce = z.infer<typeof OutsideForce>;

export const Unit = z.enum(['count', 'percent']);
export type Unit = z.infer<typeof Unit>;

/**
 * How a metric's figures may be combined. `count`: events or people, which may be summed across
 * forces (only over forces its source covers) and rated per head. `average`, `share` and `rate`:
 * never summed and never rated per head. `denominator`: a size (workforce) that other figures are
 * rated by. The rules in `src/catalogue/rules.ts` read only this.
 */
export const Aggregation = z.enum(['count', 'average', 'share', 'rate', 'denominator']);
export type Aggregation = z.infer<typeof Aggregation>;

/** The family of publications a measure comes from: answers name it, and measures of different
 * families are never compared. */
export const SourceFamily = z.enum([
  'IOPC annual statistics',
  'Home Office police misconduct statistics',
  'BBC Shared Data Unit analysis',
  'College of Policing barred list',
  'news report',
  'FOI disclosure',
  'force or PCC data',
  'inspection',
]);
export type SourceFamily = z.infer<typeof SourceFamily>;

/** What a measure's periods mean. */
export const PeriodConvention = z.enum([
  'financial year to 31 March',
  'calendar year',
  'FOI window',
  'IOPC reports published in a range',
  'point in time',
  'as the source states',
]);
export type PeriodConvention = z.infer<typeof PeriodConvention>;

/** What a breakdown splits a measure by: an outcome (no action, dismissed), a category of
 * allegation (discriminatory behaviour), a subcategory (race, use of force), or who (officers, staff). */
export const Dimension = z.enum(['outcome', 'category', 'subcategory', 'role', 'handling']);
export type Dimension = z.infer<typeof Dimension>;

/** Whether a breakdown says what complaints were about (a category or subcategory of allegation),
 * not what became of them or who they were against. */
export function isKindOfAllegation(outcome: { dimension: Dimension } | undefined): boolean {
  return outcome?.dimension === 'category' || outcome?.dimension === 'subcategory';
}

/**
 * One entry of the controlled metric vocabulary. A metric is a measure (what is counted) and,
 * optionally, an outcome within it: "complaint allegations" and "complaint allegations needing no action".
 */
export const Metric = z.strictObject({
  id: slug,
  label: z.string().min(1),
  definition: z.string().min(1),
  unit: Unit,
  /** Family of comparable figures: only figures of one measure are ever compared or added. */
  measure: slug,
  /** Outcome within the measure; absent for the measure's total. */
  outcome: slug.optional(),
  /** Topic used to group a force card. */
  topic: z.string().min(1),
  /** How its figures may be summed, rated or ranked. */
  aggregation: Aggregation,
});
export type Metric = z.infer<typeof Metric>;

/** A period a figure covers, normalised, with the source's own wording kept beside it. */
export const Period = z.strictObject({
  /** Normalised key, e.g. "2021-22" (financial year), "2016-2020", or a source-scoped key when unstated. */
  id: z.string().min(1),
  /** How answers name the period. */
  label: z.string().min(1),
  /** The source's own words for it ("in the year to April 2022"). */
  wording: z.string().min(1),
  /** `months`: a stated run of months that is neither a financial nor a calendar year (a quarter, "October 2021 to March 2022"). */
  kind: z.enum(['financial-year', 'calendar-years', 'two-years', 'months', 'point-in-time', 'unstated']),
  start: isoDate.optional(),
  end: isoDate.optional(),
  /** For an unstated year: its place in the source's own series (higher is later). */
  sequence: z.number().int().optional(),
  /** Why the period is inferred rather than stated, where it is. */
  inferred: z.string().min(1).optional(),
});
export type Period = z.infer<typeof Period>;

export const DocumentKind = z.enum([
  'news article',
  'inspection report coverage',
  'FOI coverage',
  'statistics table',
  'statistics release',
  'force disclosure',
  'recommendation',
  'analysis',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** What kind of source a figure comes from: answers say it in words, and never blur the tiers. */
export const SourceType = z.enum([
  'official statistics table',
  'official statistics release',
  'news report of official statistics',
  'force disclosure (FOI)',
  'inspection report',
  'analysis by a third party',
]);
export type SourceType = z.infer<typeof SourceType>;

/** Metadata of a source document; its text lives in `data/sources/<id>.txt`. */
export const SourceMeta = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** Where the title comes from: a printed headline, or (none recorded) our description of the
   * document (its kind, whose figures, for where and when), which citations mark as such. */
  titleFrom: z.enum(['headline', 'description']),
  publisher: z.string().min(1),
  url: z.url(),
  /** A listing page the figures were read from, when it is not the document's own address. */
  readAt: z.url().optional(),
  /** ISO date as precise as known; null when not known at all. */
  published: isoDate.nullable(),
  dateInferred: z.boolean(),
  /** Why the date is inferred, or why it is unknown. */
  dateReason: z.string().min(1).optional(),
  kind: DocumentKind,
  sourceType: SourceType,
  /** Where the text came from: a seed file name, or a file of shared/data and its row. */
  origin: z.string().min(1),
  forces: z.array(slug).min(1),
  /** For a report of someone else's figures: whose ("Home Office figures"), said in answers. */
  basedOn: z.string().min(1).optional(),
  /** Reuse terms, where known ("Open Government Licence v3.0"). */
  licence: z.string().min(1).optional(),
  /** Short texts (a table, a recommendation) are held here; longer ones in `sources/<id>.txt`. */
  text: z.string().min(1).optional(),
  /** Topic of a recommendation ("Custody and detention"). */
  category: z.string().min(1).optional(),
  /** For a recommendation to a national body rather than a force: who ("College of Policing"). */
  addressee: z.string().min(1).optional(),
  /** For a recommendation: the force the IOPC's listing files it under (it may name others too). */
  filedUnder: slug.optional(),
  /** For a recommendation: whether its addressee accepted it, as the IOPC records. */
  accepted: z.enum(['yes', 'no', 'awaiting response']).optional(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

/** A source document with its cleaned text. */
export type SourceDocument = Omit<SourceMeta, 'text'> & { text: string };

/** Where in a published table a cell sits: the table, its row and its column. */
export const TableCell = z.strictObject({ name: z.string().min(1), row: z.string().min(1), column: z.string().min(1) });
export type TableCell = z.infer<typeof TableCell>;

/** One structured figure, proven by a verbatim quote from its source. */
export const Figure = z.strictObject({
  id: slug,
  force: slug,
  period: Period,
  metric: slug,
  value: z.number().nonnegative(),
  /** The source's hedge, where it hedges: "nearly", "around", "more than", "less than half". */
  qualifier: z.string().min(1).optional(),
  source: slug,
  quote: z.string().min(1),
  /**
   * The number as the quote writes it ("1,938", "five"), when the quote holds more than one different
   * number: which of them is this figure. Not needed for a table figure, which its `table` column locates.
   */
  stated: z.string().min(1).optional(),
  /** Set when this figure is a hedged restatement of another (a headline's "more than 1,000"). */
  restates: slug.optional(),
  /** For a figure read from a published table: which table, row and column hold it. */
  table: TableCell.optional(),
  /** Whose figure a report passes on, where the source says so for this figure but not for the whole document. */
  basedOn: z.string().min(1).optional(),
  /** What a reader should know about this figure (coverage, caveats). */
  note: z.string().min(1).optional(),
});
export type Figure = z.infer<typeof Figure>;

/** A measure of the catalogue: what is counted, where it is published, and the words people use for it.
 * Its breakdowns are the outcomes of its metrics. */
export const Measure = z.strictObject({
  id: slug,
  label: z.string().min(1),
  short: z.string().min(1),
  /** One sentence: what is counted (the publisher's glossary wording where the data has it). */
  definition: z.string().min(1),
  family: SourceFamily,
  periods: PeriodConvention,
  /** A time taken (average days): questions about speed ("how long", "quickest") mean such a measure,
   * and questions counting things never do. */
  duration: z.literal(true).optional(),
  /** Its phrases, with `(a|b|)` for one of several words or none (as in the phrase book). */
  terms: z
    .array(
      z
        .string()
        .min(1)
        .regex(/^[^()*^$]*(?:\([^()*^$]*\)[^()*^$]*)*$/, 'must hold only words and balanced "(a|b)" choices'),
    )
    .min(1),
  /** Words that fit this measure only loosely because they fit others too ("allegations"): they weigh as
   * little as the default measure's, and the figures held (for the force and period asked, else the
   * latest) decide between the measures they fit. */
  broad: z.array(z.string().min(1)).optional(),
  /** For a series of the complaints system replaced on 1 February 2020: the measure that carries on
   * from it. "Latest" and "last year" never mean a superseded series while a current one fits. */
  supersededBy: slug.optional(),
  /** The measure a question means when it names an outcome but no measure ("how many needed no action?"). */
  default: z.boolean().optional(),
  /** For a measure that counts part of another (officers of officers and staff; allegations investigated
   * of all allegations finalised under Schedule 3): that measure. Answers give the parts beside the
   * whole, and a rate published for the whole is the one shown for a part. */
  partOf: slug.optional(),
  /** For a whole whose parts (the measures `partOf` it) add up to it exactly (cases finalised under and
   * outside Schedule 3): where only the parts are held, the whole is their sum, our calculation. */
  partsAddUp: z.literal(true).optional(),
  /** For a rate a source publishes per 1,000 employees: the count it is a rate of. "Per 1,000" asked
   * of that count is answered with this published rate. */
  rateOf: slug.optional(),
  /** For a time taken: the count of the cases or allegations it is the time of ("and how many cases
   * was that?" after the days, "how long did they take?" after the count). */
  timeOf: slug.optional(),
  /** For a measure that follows one breakdown of another further (officers referred to a misconduct
   * hearing, by the hearing's finding): that measure and breakdown. "Of the officers sent to a
   * hearing, how many had gross misconduct proven?" names the other measure, and means this one. */
  refines: z.strictObject({ measure: slug, outcome: slug }).optional(),
  /** Published as a table of outcomes (the IOPC's reviews and what they found): a lookup of the count
   * gives the outcomes beside it, as the table does, since the count alone says little. */
  outcomesShown: z.literal(true).optional(),
  /** Breakdowns of other measures that, said of this one, mean one of its own: an IOPC review
   * "upheld" (an appeal won) is one that found the outcome not reasonable and proportionate. */
  outcomeWords: z.record(slug, slug).optional(),
  /** The outcome a force is judged by on this measure (an IOPC review finding the outcome not
   * reasonable): a force set against England and Wales or the average force is compared on its
   * share, since the counts only say how big the force is. */
  verdict: slug.optional(),
  /** The publisher's own measure that a news report's loosely named figures count (the Petersfield
   * Post's "complaints against officers" are the Home Office's complaint allegations): a question
   * naming that measure for a year only this one holds is answered with this one's figure. */
  countsAs: slug.optional(),
  /** For a count of cases or reports: the measures counting the people in them, by role (the BBC's
   * reports with a case to answer: the officers, and the staff, with one). "Reports, officers and
   * staff" asks each of them, not the reports broken down by role, which no source does. */
  people: z.record(slug, slug).optional(),
});
export type Measure = z.infer<typeof Measure>;

/** A breakdown value (an outcome such as no action, a category such as discriminatory behaviour, a
 * role such as police staff) with the words people use for it. */
export const Outcome = z.strictObject({
  id: slug,
  label: z.string().min(1),
  dimension: Dimension.default('outcome'),
  /** For a subcategory: the category it is part of (race, of discriminatory behaviour). */
  within: slug.optional(),
  terms: z.array(z.string().min(1)).min(1),
  /** Words so common in questions ("officers") that they only count beside the measure they belong to. */
  generic: z.boolean().optional(),
  /** For a category: the measures whose published table lists every kind within it (IOPC Table 18),
   * so that its count there, which the table does not print, is their sum, given with the working. */
  kindsListed: z.array(slug).optional(),
});
export type Outcome = z.infer<typeof Outcome>;

/**
 * A published cell we could not read reliably (a table whose digits ran together, split with low
 * confidence): never served as a figure, but known, so a question about it is declined saying why.
 */
export const Unreadable = z.strictObject({
  force: slug,
  metric: slug,
  period: Period,
  source: slug,
  table: TableCell,
  reason: z.string().min(1),
  /** The cell was read but is likely wrong (City of London's BBC workforce repeats Cheshire's): set aside, and said why. */
  doubtful: z.literal(true).optional(),
});
export type Unreadable = z.infer<typeof Unreadable>;

/** What a phrase of a question says about what it asks, beyond its measure, force and period. */
export const PhraseSlot = z.enum([
  // What the question asks us to do (read by the intent rules, src/understand/intent.ts).
  /** "help", "hi", "what can you do". */
  'help',
  /** About the last answer's sources ("where does that come from?", "who published it?"). */
  'provenance',
  /** The last answer as a chart ("show me a chart", "can you plot that?"). */
  'chart',
  /** The last answer's figures as a file of rows ("as a CSV", "can I download that?"). */
  'csv',
  /** What we hold ("what data do you have?", "which forces do you cover?"). */
  'sources',
  /** What someone said ("what did * say", "according to *"); the gap is the speaker. */
  'statement',
  /** Asks outright what someone said ("what did * say", "what was *'s line"), whatever figures it mentions. */
  'speech',
  /** What a statement is about ("say about *"); the gap is the topic. */
  'said-about',
  /** A definition ("what is *?", "what does * mean?"); the gap is the term. */
  'define',
  /** How a definition opens, whether or not a term could be read after it. */
  'define-opener',
  /** The forces taken to include British Transport Police ("all 44 forces", "BTP included"). */
  'with-special',
  /** A definition asked beside a figure ("what is a recordable conduct matter, and how many…?");
   * the gap is the term. */
  'define-too',
  /** One particular thing of something ("what is the * of"); the gap names the thing. */
  'attribute',
  /** How such a question opens ("who is", "what was"). */
  'attribute-opener',
  /** Words for everything held ("latest", "picture", "figures"): an attribute question using them asks for an overview. */
  'general',
  /** "What are the figures for …": everything held on a force. */
  'figures-for',
  /** "Tell me about …", "overview". */
  'overview',
  /** A question leaning on the previous one ("and …", "what about …"). */
  'follow-up',
  /** Asks for a number ("how many", "what share"). */
  'quantity',
  /** Asks outright how many ("how many", "number of"): never a request for what someone said. */
  'how-many',
  /** A part as a percentage of its whole. */
  'share',
  /** "The … rate": a published rate where there is one, otherwise a share. */
  'rate',
  /** A change between periods ("gone up", "fell"). */
  'change',
  /** Hides other slots' phrases it overlaps ("fell in the category" is no fall). */
  'mask',
  /** How long something takes ("how long", "quickest", "days"): a measure of time taken. */
  'duration',
  /** A series over time ("trend", "year by year"). */
  'trend',
  /** A comparison ("compared", "which had more"). */
  'compare',
  // The shape of the answer (src/understand/shape.ts).
  /** Asks for forces in order ("rank", "league table", "which force"). */
  'rank',
  /** Asks for a measure's breakdowns in order ("the three biggest categories", "the most common reason"). */
  'rank-breakdowns',
  /** Asks how many of a measure's breakdowns meet a bar ("how many subcategories had more than 5,000"). */
  'count-breakdowns',
  /** "Which year had the most…": one place's periods put in order. */
  'rank-periods',
  'outcomes-asked',
  'forecast',
  'difference',
  /** "How many times the national average", "twice as many": one figure as a multiple of another. */
  'ratio',
  /** "Per", "for every" before a measure ("allegations per complaint"): one measure divided by another. */
  'per-measure',
  'outnumber',
  // Both ends of a comparison offered ("higher or lower", "faster or slower"): no direction asked.
  'either-end',
  'superlative-force',
  /** "Was Lancashire the slowest force?", "more allegations than any other force": a claim that one force is at an end of the ranking, answered yes or no. */
  'claims-end',
  'periods-listed',
  'uk-wide',
  'money',
  /** "Hartlepool Mail wants the total …": who asks, opening the question. */
  'asker',
  /** "Norfolk and Suffolk share a department": "share" as a verb, no share asked. */
  'share-verb',
  /** "The percentage rise", "up 37%": a change put in percent, no share asked. */
  'change-percent',
  /** "Is that borne out?", "check it": a claim put to the figures, its quoted words the question's own. */
  'claim-check',
  /** "For a paper on discrimination complaints, …": an opening clause saying what the question is for. */
  'lead-in',
  /** "Crime rate in Nottingham", "how many tasers were fired": crime and policing activity, not complaints. */
  'activity',
  /** Personnel records no figure of ours holds ("officers currently suspended", "on restricted duties"). */
  'personnel',
  /** "Swansea specifically, rather than South Wales Police as a whole": a part of a force's area. */
  'within-area',
  /** "In our borough", "ward by ward": a unit smaller than a force, which no figure of ours is for. */
  'sub-area',
  /** "Who wrote the Hampshire Chronicle piece?": a byline, which the sources' records do not keep. */
  'authorship',
  /** "What share of all IOPC reviews … concerned the Met?": a force's part of the national whole. */
  'share-of-all',
  /** "What proportion of the IOPC's reviews … involved the Met?": the force named after the words is the part, England and Wales's figure the whole. */
  'share-from-force',
  'opinion',
  'highest',
  'lowest',
  /** Allowing for size: a rate per 1,000 workforce. */
  'per-head',
  /** A sum over forces. */
  'total',
  /** The forces named next are left out ("apart from the Met"). */
  'exclude',
  /** Words right after a force that leave it out ("the Met aside", "London excluded"). */
  'left-out-after',
  /** Words of emphasis beside a speaker ("what did Hampshire police actually say"), no part of a name. */
  'emphasis',
  /** "Counting BTP", "including the Met": a force let in to a count or ranking of every force. */
  'include',
  /** The measure named next is not the one asked ("staff, not officers", "rather than complaints"). */
  'negation',
  /** Asks for both parts of a measure side by side ("with and without suspension", "outside and under
   * Schedule 3", "officers versus staff"). */
  'both-parts',
  /** Starts a second question leaning on the first ("…, and how long did they take?"). */
  'second-question',
  /** Asks for words a source said, not a figure: who was quoted, why, what phrase, what grade, whether
   * the data says something ("Who from Amnesty was quoted?", "Why was re-vetting suspended?"). */
  'text-question',
  /** A text question asking who ("who was quoted?", "which inspector…"): the passage should name someone. */
  'who-question',
  /** Asks for words a source said only where nothing in the question asks for a figure's shape (a
   * ranking, a comparison, a change…): "do the figures include informal complaints?", "what happened
   * to the fourth?". */
  'open-question',
  /** Asks how two terms differ ("the difference between a complaint and an allegation"): the
   * sources' words tell them apart, not a subtraction. */
  'tell-apart',
  /** Words of the names of bodies and titles ("Amnesty International", "Prime Minister"): a name
   * holding one is no person's. */
  'institution',
  /** A text question asking why ("why was re-vetting suspended?"): the passage should give a reason. */
  'why-question',
  /** A threshold: "more than 1,000", "fewer than 50". */
  'more-than',
  'fewer-than',
  /** "About", "nearly": a figure given loosely, as a claim may put it ("nearly 1,000 …, right?"). */
  'roughly',
  /** What a claim says of the place it names first: "…logged more … than the Met", or fewer. */
  'claims-more',
  'claims-fewer',
  /** What a yes-or-no question claims of a figure over time: "did complaints rise …?", or fall. */
  'claims-rise',
  'claims-fall',
  /** "Did complaints double …?", "… halve?": a yes-or-no question claiming a figure at least doubled, or at least halved. */
  /** "Exactly the same number": a claim that two figures are equal. */
  'claims-same',
  'claims-double',
  'claims-halve',
  /** Asks how many forces ("how many forces had…"). */
  'count-forces',
  /** Compares with the published England and Wales figure ("the national figure"). */
  'national-target',
  /** Compares with the average force ("the national average", "the average for all forces"). */
  'average-target',
  /** Every force as the scope ("across all forces"). */
  'every-force',
  /** The territorial forces only, leaving out British Transport Police ("the 43 territorial forces"). */
  'territorial',
  /** Words for police forces in general ("forces", "constabularies"). */
  'forces-word',
  /** Asks how a total broke down ("what were the outcomes?", "how did they turn out?"). */
  'breakdown',
  /** Asks for the total beside a part ("… and how many in all?"). */
  'also-total',
  /** Asks about the IOPC's learning recommendations ("what has the IOPC told Kent to change?"). */
  'recommendation',
  /** A recommendation's addressee's response asked about ("accepted", "rejected", "awaiting a response"). */
  'accepted',
  'not-accepted',
  'awaiting',
  /** The response asked of the recommendations found, not kept to one response ("and was it accepted?",
   * "how many, and were any accepted?"). */
  'response-of-them',
  /** Words saying where a figure comes from ("going by the BBC's dataset", "on record"): never a topic. */
  'source-noise',
  /** Words saying a topic is one of the IOPC's categories ("categorised under", "falls in the
   * category"): never a topic themselves. */
  'filed-under',
  /** Words of a recommendations question that say nothing of its topic ("learning", "lessons"). */
  'topic-noise',
  /** Words of a counting question that say what is counted, not the topic ("marked", "accepted"). */
  'count-noise',
  /** Figures by person we never hold: individual officers, who complained (their sex, age or
   * ethnicity), Action Fraud on its own. A question asking for them is declined saying so. */
  'people',
  /** Figures by month we never hold ("by month", "each month", "in January 2025 alone"): our figures
   * are for whole years, and a question asking for a month is declined saying so. A question ending
   * "in <month> <year>" asks for that month, save March: "the year ending in March 2025" is a
   * financial year. */
  'by-month',
  /** "How many … led to complaints": the words in its gap are what is counted, as complaints' cause. */
  'complained-of',
  /** Complaints "about", "involving" …: the words after it say what the complaints are about. */
  'about',
  /** "When …?": a passage answering it should hold a date. */
  'when',
  /** Words of a source's publication ("published", "run the story"): with "when", asks a document's date. */
  'publication',
  /** Words that qualify a question without naming a measure, force or period ("new", "official",
   * "financial year"): never read as a subject we hold no figures on. */
  'plain',
]);
export type PhraseSlot = z.infer<typeof PhraseSlot>;

/** A phrase: words, with `(a|b|)` for one of several or none, `*` for a gap, `^` and `$` for the
 * question's start and end (src/understand/phrases.ts). */
const PhraseText = z
  .string()
  .min(1)
  .regex(/^\^?[^()^$]*(?:\([^()^$]*\)[^()^$]*)*\$?$/, 'must hold only words, balanced "(a|b)" choices, "*" gaps, a leading "^" and a trailing "$"');

/** The names people use for a family of publications ("the BBC's analysis", "Home Office figures"): a
 * question naming one is answered from that family's measures where they fit. */
export const FamilyNames = z.strictObject({
  family: SourceFamily,
  names: z.array(PhraseText).min(1),
});
export type FamilyNames = z.infer<typeof FamilyNames>;

/** A word people type for a longer one ("avg" for "average", "discrim" for "discriminatory"): written
 * out before a question is read. */
export const ShorthandEntry = z.strictObject({
  short: z.string().regex(/^[a-z]+$/, 'must be one lower-case word'),
  full: z.string().regex(/^[a-z]+(?: [a-z]+)*$/, 'must be lower-case words'),
});
export type ShorthandEntry = z.infer<typeof ShorthandEntry>;

/** The words people use for one slot; adding a phrase is a line here and a test, not a new pattern. */
export const Phrase = z.strictObject({
  slot: PhraseSlot,
  phrases: z.array(PhraseText).min(1),
});
export type Phrase = z.infer<typeof Phrase>;
