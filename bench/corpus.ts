/**
 * Deterministic generated corpora for the scale benchmark: a data folder in the engine's own format
 * (sources.jsonl, sources/<id>.txt, figures.jsonl, and the bundled vocabulary files copied as they
 * are), shaped like the syndicated local stories of the bundled seeds: one force and financial year
 * per article, Home Office figures quoted sentence by sentence, with spokespeople, local names and
 * context between them. Every figure's quote is a sentence of its text that states the value, so the
 * engine validates and loads the corpus exactly as it would real data.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BUNDLED_DATA_DIR } from '../src/engine.ts';
import { Force, Metric, type Figure, type Period, type SourceMeta } from '../src/model/data.ts';
import { distinctNumbers, writtenAs } from '../src/text/numbers.ts';
import { Prng, unitFor } from './prng.ts';

/** Figures quoted per generated document: the "proportional figures" (10k documents → 100k figures). */
export const FIGURES_PER_DOCUMENT = 10;

/** The vocabulary files every corpus shares with the bundled data, copied unchanged. */
const VOCABULARY_FILES = [
  'forces.jsonl',
  'outside-scope.jsonl',
  'phrases.jsonl',
  'shorthand.jsonl',
  'measures.jsonl',
  'outcomes.jsonl',
  'metrics.jsonl',
] as const;

/** Financial years the stories cover, in the order the generator cycles through them: the years the
 * benchmark's questions ask about come first, so even a small corpus can answer them. */
const YEARS = [2021, 2022, 2020, 2023, 2019, 2018, 2017, 2016, 2015, 2014, 2013, 2012] as const;

/** Forces the benchmark's questions name come first in the cycle, for the same reason. */
const FIRST_FORCES = ['hampshire', 'hertfordshire'];

/** Metric ids the stories quote; checked against metrics.jsonl so a vocabulary change fails loudly. */
const M = {
  total: 'complaint-allegations',
  noAction: 'complaint-allegations-no-action',
  noActionShare: 'complaint-allegations-no-action-share',
  proceedings: 'complaint-allegations-misconduct-proceedings',
  reflective: 'complaint-allegations-reflective-practice',
  conduct: 'conduct-matter-allegations',
  conductNoAction: 'conduct-matter-allegations-no-action',
  conductProceedings: 'conduct-matter-allegations-misconduct-proceedings',
  recordable: 'recordable-conduct-matter-allegations',
  recordableNoAction: 'recordable-conduct-matter-allegations-no-action',
  complaints: 'complaints-recorded',
} as const;

const NATIONAL = 'england-and-wales';

/** Words for small numbers, as the sources sometimes write them ("Just five allegations…"). */
const SMALL_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const TOWNS = [
  'Winchester',
  'Basingstoke',
  'Andover',
  'Petersfield',
  'Hemel Hempstead',
  'Watford',
  'Stevenage',
  'St Albans',
  'Maidstone',
  'Canterbury',
  'Ashford',
  'Chelmsford',
  'Colchester',
  'Ipswich',
  'Norwich',
  'Cambridge',
  'Peterborough',
  'Bedford',
  'Luton',
  'Northampton',
  'Leicester',
  'Nottingham',
  'Derby',
  'Lincoln',
  'Sheffield',
  'Leeds',
  'Bradford',
  'York',
  'Hull',
  'Middlesbrough',
  'Durham',
  'Sunderland',
  'Carlisle',
  'Kendal',
  'Lancaster',
  'Preston',
  'Blackpool',
  'Bolton',
  'Wigan',
  'Chester',
  'Stafford',
  'Stoke',
  'Shrewsbury',
  'Worcester',
  'Hereford',
  'Gloucester',
  'Cheltenham',
  'Swindon',
  'Salisbury',
  'Bath',
  'Taunton',
  'Exeter',
  'Plymouth',
  'Truro',
  'Dorchester',
  'Poole',
  'Guildford',
  'Woking',
  'Crawley',
  'Brighton',
  'Chichester',
  'Reading',
  'Oxford',
  'Aylesbury',
  'Milton Keynes',
  'Warwick',
  'Coventry',
  'Wolverhampton',
  'Swansea',
  'Cardiff',
  'Newport',
  'Wrexham',
  'Bangor',
  'Carmarthen',
  'Aberystwyth',
];
const PAPERS = ['Echo', 'Gazette', 'Post', 'Chronicle', 'Times', 'Advertiser', 'Mercury', 'Herald', 'News', 'Observer'];
const FIRST_NAMES = [
  'James',
  'Sarah',
  'David',
  'Emma',
  'Michael',
  'Laura',
  'Paul',
  'Rachel',
  'Mark',
  'Helen',
  'Andrew',
  'Claire',
  'Richard',
  'Nicola',
  'Simon',
  'Joanne',
  'Peter',
  'Katie',
  'Stephen',
  'Amy',
  'Gareth',
  'Sian',
  'Rhys',
  'Megan',
  'Donna',
  'Kevin',
  'Lisa',
  'Darren',
  'Natalie',
  'Gary',
  'Jade',
  'Craig',
  'Louise',
  'Martin',
  'Hannah',
  'Neil',
];
/** Surname syllables: enough combinations that, as in real news, new names keep appearing as the corpus grows. */
const SYLLABLES = [
  'ash',
  'brad',
  'cal',
  'dun',
  'ell',
  'fair',
  'gar',
  'hol',
  'ing',
  'kel',
  'lang',
  'mor',
  'nor',
  'pen',
  'quin',
  'rad',
  'stan',
  'thorn',
  'wal',
  'whit',
  'ford',
  'ton',
  'ley',
  'by',
  'worth',
  'field',
  'well',
  'ham',
  'wick',
  'more',
];
const ROLES = ['deputy chief constable', 'head of professional standards', 'chief constable', 'assistant chief constable'];
const FORCE_QUOTES = [
  'We expect the highest standards of behaviour from every officer and member of staff, and we take every complaint seriously.',
  'The vast majority of our officers do an outstanding job, often in very difficult circumstances.',
  'Where officers fall short we will act, and we will be open with the public about what we find.',
  'Every allegation is assessed carefully, and most are resolved without the need for formal action.',
];
const IOPC_QUOTES = [
  'the importance of a complaints system that the public can trust',
  'that forces must learn from complaints rather than simply process them',
  'how much work remains to rebuild confidence in policing',
];
const NPCC_QUOTES = [
  'much work is being done to ensure both the public and colleagues can report concerns',
  'forces are determined to root out those who are not fit to serve',
];
const PCC_QUOTES = [
  'I will continue to hold the chief constable to account on behalf of residents.',
  'Public confidence depends on complaints being handled quickly and fairly.',
];
const MISDEEDS = [
  'sent offensive messages to colleagues',
  'lied about his whereabouts while on duty',
  'used a police database for personal reasons',
  'formed an inappropriate relationship with a vulnerable victim',
  'failed to declare a business interest',
];
const CONCERNS = [
  'raised concerns about response times',
  'called for more officers on the streets',
  'praised the work of neighbourhood teams',
  'questioned how complaints are investigated',
];

/** Everything one generated document contributes. */
interface GeneratedDocument {
  meta: SourceMeta;
  text: string;
  figures: Figure[];
}

/** What was generated, and where. */
export interface CorpusInfo {
  dir: string;
  documents: number;
  figures: number;
  /** Bytes of source text. */
  textBytes: number;
  /** Generation time, or 0 when a cached corpus was reused. */
  generatedMs: number;
  cached: boolean;
}

const CorpusMarker = z.object({ documents: z.number(), figures: z.number(), textBytes: z.number() });

function financialYear(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function period(start: number, wording: string): Period {
  const id = financialYear(start);
  return { id, label: id, wording, kind: 'financial-year', start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/** Thousands separators in some sources and not in others ("1,938" and "1938"), as in the seeds. */
function written(rng: Prng, value: number): string {
  if (value < 10 && rng.chance(0.5)) return SMALL_WORDS[value] ?? String(value);
  return value >= 1000 && rng.chance(0.7) ? value.toLocaleString('en-GB') : String(value);
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function surname(rng: Prng): string {
  const name = rng.pick(SYLLABLES) + rng.pick(SYLLABLES) + (rng.chance(0.3) ? rng.pick(SYLLABLES) : '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function person(rng: Prng): string {
  return `${rng.pick(FIRST_NAMES)} ${surname(rng)}`;
}

/**
 * The "true" figures of the generated world: one value per force, metric and year, derived from the
 * seed and the key alone (so independent of how many documents are generated and in which order).
 * Articles restating the same figure agree, as real coverage of one statistics release does.
 */
class Truth {
  private readonly cache = new Map<string, number>();
  constructor(private readonly seed: string) {}

  private u(key: string): number {
    let v = this.cache.get(key);
    if (v === undefined) {
      v = unitFor(this.seed, key);
      this.cache.set(key, v);
    }
    return v;
  }

  /** Relative size of a force: the Met's figures dwarf Dyfed-Powys's. */
  size(force: string): number {
    return 0.4 + 2.6 * this.u(`size|${force}`);
  }

  value(force: string, metric: string, year: number): number {
    const s = this.size(force);
    const u = this.u(`${force}|${metric}|${year}`);
    const total = Math.round(s * (900 + 700 * this.u(`${force}|${M.total}|${year}`)));
    const conduct = Math.round(s * (40 + 80 * this.u(`${force}|${M.conduct}|${year}`)));
    const recordable = Math.round(s * (15 + 40 * this.u(`${force}|${M.recordable}|${year}`)));
    switch (metric) {
      case M.total:
        return force === NATIONAL ? Math.round(60_000 + 20_000 * u) : total;
      case M.noAction:
        return Math.round(total * (0.85 + 0.11 * u));
      case M.noActionShare:
        return Math.round((this.value(force, M.noAction, year) / total) * 100);
      case M.proceedings:
        return Math.max(1, Math.round(total * (0.001 + 0.01 * u)));
      case M.reflective:
        return Math.max(1, Math.round(total * (0.01 + 0.04 * u)));
      case M.conduct:
        return conduct;
      case M.conductNoAction:
        return Math.round(conduct * (0.3 + 0.3 * u));
      case M.conductProceedings:
        return Math.round(conduct * (0.1 + 0.15 * u));
      case M.recordable:
        return recordable;
      case M.recordableNoAction:
        return Math.round(recordable * (0.3 + 0.3 * u));
      case M.complaints:
        return Math.round(s * (600 + 500 * u));
      default:
        throw new Error(`bench corpus: no generator for metric "${metric}"`);
    }
  }

  /**
   * A provisional figure that some articles quote instead of the revised one, for a few cells only,
   * so some observations conflict ("the sources differ") as real coverage sometimes does. Undefined
   * for every other cell, and for the forces the benchmark's questions name, so those questions take
   * the same path at every corpus size.
   */
  provisional(force: string, metric: string, year: number): number | undefined {
    if (force === NATIONAL || FIRST_FORCES.includes(force)) return undefined;
    if (this.u(`conflicted|${force}|${metric}|${year}`) >= CONFLICTED_CELLS) return undefined;
    return this.value(force, metric, year) + 1 + Math.floor(9 * this.u(`provisional|${force}|${metric}|${year}`));
  }
}

/** Share of force-year totals for which a provisional figure circulates. */
const CONFLICTED_CELLS = 0.05;
/** Share of the articles restating such a total that quote the provisional figure. */
const PROVISIONAL_RATE = 0.3;

interface StoryContext {
  rng: Prng;
  truth: Truth;
  force: Force;
  year: number;
  docId: string;
}

/** One article: ten quoted figures for one force and year, in paragraphs with the usual filler. */
function story({ rng, truth, force, year, docId }: StoryContext, index: number): GeneratedDocument {
  const fy = financialYear(year);
  const figures: Figure[] = [];
  const add = (forceId: string, metric: string, value: number, quote: string, p: Period) => {
    // A sentence with several numbers says which one the figure is, as the data check requires.
    const which = distinctNumbers(quote).length > 1 ? writtenAs(quote, value) : undefined;
    figures.push({
      id: `${docId}-f${figures.length + 1}`,
      force: forceId,
      period: p,
      metric,
      value,
      source: docId,
      quote,
      ...(which !== undefined ? { stated: which } : {}),
    });
  };
  const stated = (forceId: string, metric: string, y: number) => {
    const provisional = truth.provisional(forceId, metric, y);
    return provisional !== undefined && rng.chance(PROVISIONAL_RATE) ? provisional : truth.value(forceId, metric, y);
  };

  const name = force.name;
  const short = force.shortName;
  const total = stated(force.id, M.total, year);
  const noAction = truth.value(force.id, M.noAction, year);
  const share = truth.value(force.id, M.noActionShare, year);
  const proceedings = truth.value(force.id, M.proceedings, year);
  const reflective = truth.value(force.id, M.reflective, year);
  const before = stated(force.id, M.total, year - 1);
  const conduct = truth.value(force.id, M.conduct, year);
  const recordable = truth.value(force.id, M.recordable, year);
  const national = stated(NATIONAL, M.total, year);

  const paragraphs: string[] = [];
  const lede = `${short} police faced more than ${Math.floor(total / 100) * 100} misconduct allegations in ${fy}, new figures show.`;
  paragraphs.push(
    `${lede} ${rng.pick(['The Home Office data covers every allegation handled under the formal complaints process.', 'The figures come as forces across the country face scrutiny over how officers are held to account.'])}`,
  );

  const wordingTotal = rng.chance(0.5) ? `in the year to March ${year + 1}` : `In ${fy}`;
  const totalQuote = wordingTotal.startsWith('In ')
    ? `In ${fy}, ${name} officers faced ${written(rng, total)} misconduct allegations handled under the formal complaints process, according to Home Office data.`
    : `Home Office figures show ${written(rng, total)} misconduct allegations were made against ${name} officers and handled under the formal complaints process ${wordingTotal}.`;
  add(force.id, M.total, total, totalQuote, period(year, wordingTotal));
  const shareQuote = `Of these, ${written(rng, noAction)} (${share}${rng.pick(['%', ' per cent', ' percent'])}) resulted in no action being required against the officers involved.`;
  add(force.id, M.noAction, noAction, shareQuote, period(year, wordingTotal));
  add(force.id, M.noActionShare, share, shareQuote, period(year, wordingTotal));
  const beforeQuote = `That was ${before > total ? 'down' : 'up'} from ${written(rng, before)} in ${financialYear(year - 1)}.`;
  add(force.id, M.total, before, beforeQuote, period(year - 1, `in ${financialYear(year - 1)}`));
  paragraphs.push(`${totalQuote} ${shareQuote} ${beforeQuote}`);

  const outcomesQuote = `Just ${written(rng, proceedings)} allegations were referred to official misconduct proceedings and ${written(rng, reflective)} were referred to the reflective practice review process – when an officer’s behaviour falls short of expectations but does not amount to misconduct.`;
  add(force.id, M.proceedings, proceedings, outcomesQuote, period(year, wordingTotal));
  add(force.id, M.reflective, reflective, outcomesQuote, period(year, wordingTotal));
  paragraphs.push(outcomesQuote);

  paragraphs.push(filler(rng, force));
  if (rng.chance(0.5)) paragraphs.push(filler(rng, force));

  const conductQuote = `There were also ${written(rng, conduct)} allegations of "conduct matter" offences against ${short} officers in ${fy} – those which are not the subject of a complaint and indicate that an officer may have committed a criminal offence or behaved in a way that would justify disciplinary proceedings.`;
  add(force.id, M.conduct, conduct, conductQuote, period(year, `in ${fy}`));
  paragraphs.push(conductQuote);

  const recordableQuote = `A further ${written(rng, recordable)} "recordable conduct matter" allegations were made, where it is alleged that an officer's conduct resulted in the death or serious injury of any person.`;
  add(force.id, M.recordable, recordable, recordableQuote, period(year, `in ${fy}`));
  // The tenth figure varies, so the corpus holds outcomes of several measures.
  const variant = index % 4;
  const extraMetric = [M.conductNoAction, M.conductProceedings, M.recordableNoAction, M.complaints][variant] as string;
  const extra = truth.value(force.id, extraMetric, year);
  const extraQuote = [
    `No action was required in ${written(rng, extra)} of the conduct matter cases.`,
    `Of the conduct matters, ${written(rng, extra)} were referred to misconduct proceedings.`,
    `A decision that no action was required was determined in ${written(rng, extra)} recordable conduct matter cases.`,
    `In all, ${written(rng, extra)} complaints were recorded against ${short} officers in ${fy}.`,
  ][variant] as string;
  add(force.id, extraMetric, extra, extraQuote, period(year, `in ${fy}`));
  paragraphs.push(`${recordableQuote} ${extraQuote}`);

  paragraphs.push(filler(rng, force));
  const nationalQuote = `Across England and Wales, ${written(rng, national)} allegations were handled under the formal complaints process in ${fy}.`;
  add(NATIONAL, M.total, national, nationalQuote, period(year, `in ${fy}`));
  paragraphs.push(nationalQuote);
  paragraphs.push(filler(rng, force));

  const town = rng.pick(TOWNS);
  const publisher = `${town} ${rng.pick(PAPERS)}`;
  const title = rng.chance(0.5)
    ? `${short} police faced ${Math.floor(total / 100) * 100} misconduct allegations in ${fy}`
    : `${share}% of misconduct allegations against ${short} officers needed no action`;
  const month = rng.int(5, 12);
  const meta: SourceMeta = {
    id: docId,
    title,
    titleFrom: 'headline',
    publisher,
    url: `https://www.${slugOf(publisher)}.co.uk/news/${20_000_000 + index}.${slugOf(title)}/`,
    published: `${year + 1}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    dateInferred: false,
    kind: 'news article',
    sourceType: 'news report of official statistics',
    basedOn: 'Home Office figures',
    origin: 'bench/corpus.ts (generated)',
    forces: [force.id, NATIONAL],
  };
  if (figures.length !== FIGURES_PER_DOCUMENT) throw new Error(`bench corpus: a story made ${figures.length} figures`);
  return { meta, text: `${paragraphs.join('\n\n')}\n`, figures };
}

/** A paragraph between the figures: spokespeople, a case, local reaction, or context. */
function filler(rng: Prng, force: Force): string {
  switch (rng.int(0, 7)) {
    case 0:
      return `${person(rng)}, ${rng.pick(ROLES)} at ${force.name}, said: "${rng.pick(FORCE_QUOTES)}"`;
    case 1:
      return `A spokesperson for the Independent Office for Police Conduct (IOPC) said the figures showed "${rng.pick(IOPC_QUOTES)}".`;
    case 2:
      return `A National Police Chiefs’ Council spokesperson said "${rng.pick(NPCC_QUOTES)}".\n\n"Any breach of those professional standards is unacceptable," they added.`;
    case 3:
      return `The Police Federation of England and Wales said the vast majority of police officers provide the "best service they can" in challenging circumstances.`;
    case 4:
      return `Amnesty International UK said misconduct incidents result in many people losing trust in the police, and called for ${rng.pick(['independent scrutiny of complaints', 'clearer reporting of outcomes', 'faster investigations'])}.`;
    case 5:
      return `${person(rng)}, the police and crime commissioner for ${force.shortName}, added: "${rng.pick(PCC_QUOTES)}"`;
    case 6:
      return `Earlier this year former PC ${person(rng)} was dismissed without notice after a hearing in ${rng.pick(TOWNS)} found he had ${rng.pick(MISDEEDS)}.`;
    default:
      return `Residents in ${rng.pick(TOWNS)} and ${rng.pick(TOWNS)} have ${rng.pick(CONCERNS)}. The figures cover the total number of allegations rather than the number of complaints – one complaint could contain several allegations of misconduct.`;
  }
}

function readJsonLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));
}

/**
 * Writes a corpus of `documents` articles to `dir` (replacing what is there). The vocabulary comes
 * from `vocabularyDir` (the bundled data by default), so ids always resolve.
 */
export function writeCorpus(dir: string, documents: number, seed: string, vocabularyDir: string = BUNDLED_DATA_DIR): CorpusInfo {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'sources'), { recursive: true });
  for (const file of VOCABULARY_FILES) copyFileSync(join(vocabularyDir, file), join(dir, file));
  const forces = readJsonLines(join(vocabularyDir, 'forces.jsonl'), Force);
  const metricIds = new Set(readJsonLines(join(vocabularyDir, 'metrics.jsonl'), Metric).map((m) => m.id));
  for (const id of Object.values(M)) if (!metricIds.has(id)) throw new Error(`bench corpus: metric "${id}" is not in metrics.jsonl`);
  if (!forces.some((f) => f.id === NATIONAL)) throw new Error(`bench corpus: force "${NATIONAL}" is not in forces.jsonl`);

  // Stories are about forces, never areas; the ones the questions name come first.
  const storyForces = forces.filter((f) => f.kind !== 'area').sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const truth = new Truth(seed);
  const rng = new Prng(`${seed}|documents`);
  const sourcesFd = openSync(join(dir, 'sources.jsonl'), 'w');
  const figuresFd = openSync(join(dir, 'figures.jsonl'), 'w');
  let figures = 0;
  let textBytes = 0;
  // Buffered: a million small writes would dominate generation time.
  let sourceLines: string[] = [];
  let figureLines: string[] = [];
  const flush = () => {
    writeSync(sourcesFd, sourceLines.join(''));
    writeSync(figuresFd, figureLines.join(''));
    sourceLines = [];
    figureLines = [];
  };
  try {
    for (let i = 0; i < documents; i++) {
      const force = storyForces[i % storyForces.length] as Force;
      const cycle = Math.floor(i / storyForces.length);
      const year = YEARS[cycle % YEARS.length] as number;
      const docId = `gen-${String(i).padStart(6, '0')}`;
      const doc = story({ rng, truth, force, year, docId }, i);
      writeFileSync(join(dir, 'sources', `${docId}.txt`), doc.text);
      textBytes += Buffer.byteLength(doc.text);
      sourceLines.push(`${JSON.stringify(doc.meta)}\n`);
      for (const f of doc.figures) figureLines.push(`${JSON.stringify(f)}\n`);
      figures += doc.figures.length;
      if (sourceLines.length >= 2_000) flush();
    }
    flush();
  } finally {
    closeSync(sourcesFd);
    closeSync(figuresFd);
  }
  return { dir, documents, figures, textBytes, generatedMs: performance.now() - started, cached: false };
}

function rank(id: string): number {
  const at = FIRST_FORCES.indexOf(id);
  return at < 0 ? FIRST_FORCES.length : at;
}

/** Identifies the generator and vocabulary, so a cached corpus is reused only when both are unchanged. */
function generatorFingerprint(vocabularyDir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of VOCABULARY_FILES) hash.update(readFileSync(join(vocabularyDir, file)));
  return hash.digest('hex').slice(0, 12);
}

/** Where cached corpora live: the system temp folder, never the repository. */
export const CORPUS_CACHE_DIR = join(tmpdir(), 'forcewatch-bench');

/**
 * A corpus of `documents` articles for `seed`, generated once and then reused from the temp folder
 * (a 100,000-document corpus takes a while to write). `fresh` regenerates it regardless.
 */
export function corpus(documents: number, seed: string, options: { fresh?: boolean; vocabularyDir?: string } = {}): CorpusInfo {
  const vocabularyDir = options.vocabularyDir ?? BUNDLED_DATA_DIR;
  const dir = join(CORPUS_CACHE_DIR, `corpus-${documents}-${slugOf(seed)}-${generatorFingerprint(vocabularyDir)}`);
  const marker = join(dir, '.complete.json');
  if (!options.fresh && existsSync(marker)) {
    const info = CorpusMarker.safeParse(JSON.parse(readFileSync(marker, 'utf8')));
    if (info.success) return { dir, ...info.data, generatedMs: 0, cached: true };
  }
  // Corpora of this size and seed made by an older generator are of no further use.
  const prefix = `corpus-${documents}-${slugOf(seed)}-`;
  if (existsSync(CORPUS_CACHE_DIR))
    for (const old of readdirSync(CORPUS_CACHE_DIR))
      if (old.startsWith(prefix) && join(CORPUS_CACHE_DIR, old) !== dir) rmSync(join(CORPUS_CACHE_DIR, old), { recursive: true, force: true });
  const info = writeCorpus(dir, documents, seed, vocabularyDir);
  // Written last: a generation cut short leaves no marker and is redone next time.
  writeFileSync(marker, JSON.stringify({ documents: info.documents, figures: info.figures, textBytes: info.textBytes }));
  return info;
}
