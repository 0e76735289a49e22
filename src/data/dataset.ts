/**
 * Reading the data folder: every file parsed with its zod schema at the edge, every problem
 * collected with its file and line, and the cross-file checks (known ids, verbatim quotes that state
 * their values). Either the whole dataset is valid or loading fails naming every problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  FamilyNames,
  ShorthandEntry,
  Figure,
  Force,
  Measure,
  Metric,
  Outcome,
  OutsideForce,
  type Period,
  Phrase,
  SourceMeta,
  type SourceDocument,
  Unreadable,
} from '../model/data.ts';
import { fold } from '../text/words.ts';
import { noteProblem, valueChecker } from './figure-values.ts';
import { idSharer, shareIds, sharer } from './sharing.ts';

/** One thing wrong with the data, located as precisely as we can. */
export interface DataProblem {
  file: string;
  line?: number;
  message: string;
}

/** How many problems a {@link DataError}'s message lists; the rest are counted. */
export const PROBLEMS_SHOWN = 50;

/** Thrown when the data is invalid; holds every problem found, and its message lists the first {@link PROBLEMS_SHOWN}. */
export class DataError extends Error {
  readonly code = 'DATA_INVALID';
  constructor(readonly problems: DataProblem[]) {
    const more = problems.length - PROBLEMS_SHOWN;
    super(
      `Forcewatch data is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.slice(0, PROBLEMS_SHOWN).map(formatProblem).join('\n') +
        (more > 0 ? `\n… and ${more} more` : ''),
    );
    this.name = 'DataError';
  }
}

/** "data/figures.jsonl:12: quote not found in its source" */
export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`;
}

/** The validated contents of the data folder. */
export interface Dataset {
  forces: Force[];
  outside: OutsideForce[];
  phrases: Phrase[];
  /** The names of the families of publications. */
  families: FamilyNames[];
  /** Words people type for longer ones ("avg"). */
  shorthand: ShorthandEntry[];
  measures: Measure[];
  outcomes: Outcome[];
  metrics: Metric[];
  documents: SourceDocument[];
  figures: Figure[];
  /** Published cells we could not read reliably, so that questions about them are declined saying why. */
  unreadable: Unreadable[];
}

/** The data files, each read from the data folder and then, when present, from {@link INGESTED}. */
export const DATA_FILES = {
  forces: 'forces.jsonl',
  outside: 'outside-scope.jsonl',
  phrases: 'phrases.jsonl',
  families: 'families.jsonl',
  shorthand: 'shorthand.jsonl',
  measures: 'measures.jsonl',
  outcomes: 'outcomes.jsonl',
  metrics: 'metrics.jsonl',
  sources: 'sources.jsonl',
  figures: 'figures.jsonl',
} as const;

/** Folder of data made by `npm run data:ingest` from shared/data, read after the hand-curated files. */
export const INGESTED = 'ingested';

/** Made by `npm run data:ingest` only: the published cells it could not read reliably. */
export const UNREADABLE_FILE = join(INGESTED, 'unreadable.jsonl');

/** Folder of the source texts, `<id>.txt`, for sources whose metadata holds no `text`. */
export const SOURCE_TEXTS = 'sources';

/** Parses `name` and, when present, `ingested/name`: JSON lines, one record a line, blank lines skipped.
 * A missing `name` is a problem unless it is `optional`. */
function readJsonLines<T>(dir: string, name: string, schema: z.ZodType<T>, problems: DataProblem[], optional = false): Located<T>[] {
  const more = join(INGESTED, name);
  return [
    ...readJsonLinesFile(dir, name, schema, problems, !optional),
    ...(existsSync(join(dir, more)) ? readJsonLinesFile(dir, more, schema, problems, false) : []),
  ];
}

interface Located<T> {
  value: T;
  line: number;
  file: string;
}

function readJsonLinesFile<T>(dir: string, name: string, schema: z.ZodType<T>, problems: DataProblem[], required: boolean): Located<T>[] {
  const path = join(dir, name);
  const file = displayPath(dir, name);
  if (!existsSync(path)) {
    if (required) problems.push({ file, message: 'file is missing' });
    return [];
  }
  const out: Located<T>[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    const line = i + 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({ file, line, message: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) out.push({ value: parsed.data, line, file });
    else for (const issue of parsed.error.issues) problems.push({ file, line, message: `${issue.path.join('.') || 'record'}: ${issue.message}` });
  }
  return out;
}

function displayPath(dir: string, name: string): string {
  const rel = relative(process.cwd(), join(dir, name));
  return rel.startsWith('..') ? join(dir, name) : rel;
}

function checkUniqueIds<T extends { id: string }>(items: Located<T>[], problems: DataProblem[]): void {
  checkUnique(items, (v) => v.id, 'id', problems);
}

/** Each record's `key` once in its file: a second record under the same key is a near-copy to merge. */
function checkUnique<T>(items: Located<T>[], key: (value: T) => string, what: string, problems: DataProblem[]): void {
  const seen = new Map<string, Located<T>>();
  for (const item of items) {
    const k = key(item.value);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, item);
    else problems.push({ file: item.file, line: item.line, message: `duplicate ${what} "${k}" (first at ${first.file}:${first.line})` });
  }
}

/** Folded form used to compare names, so case, accents and curly quotes do not matter. */
function comparable(text: string): string {
  return fold(text).replace(/\s+/g, ' ');
}

/** A file's bytes, or undefined when there is no such file (any other read error is thrown). */
function bytesIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Reads and checks the data folder. Returns the dataset together with every problem found;
 * callers that need a valid dataset use {@link loadDataset}.
 */
export function inspectDataset(dir: string): { dataset: Dataset; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const at = (name: string) => displayPath(dir, name);

  const forces = readJsonLines(dir, DATA_FILES.forces, Force, problems);
  // Optional: a data folder without it simply names no place outside England and Wales.
  const outside = readJsonLines(dir, DATA_FILES.outside, OutsideForce, problems, true);
  // Optional too: without it, questions are read for their measure, force and period alone.
  const phrases = readJsonLines(dir, DATA_FILES.phrases, Phrase, problems, true);
  const families = readJsonLines(dir, DATA_FILES.families, FamilyNames, problems, true);
  const shorthand = readJsonLines(dir, DATA_FILES.shorthand, ShorthandEntry, problems, true);
  const measures = readJsonLines(dir, DATA_FILES.measures, Measure, problems);
  const outcomes = readJsonLines(dir, DATA_FILES.outcomes, Outcome, problems);
  const metrics = readJsonLines(dir, DATA_FILES.metrics, Metric, problems);
  const sources = readJsonLines(dir, DATA_FILES.sources, SourceMeta, problems);
  const figures = readJsonLines(dir, DATA_FILES.figures, Figure, problems);

  checkUniqueIds(forces, problems);
  checkUnique(phrases, (p) => p.slot, 'slot', problems);
  checkUniqueIds(outside, problems);
  checkUniqueIds(measures, problems);
  checkUniqueIds(outcomes, problems);
  checkUniqueIds(metrics, problems);
  checkUniqueIds(sources, problems);
  checkUniqueIds(figures, problems);

  const forceIds = new Set(forces.map((f) => f.value.id));
  const aliasOwner = new Map<string, string>();
  for (const { value: force, line, file } of forces) {
    for (const name of [force.name, force.shortName, ...force.aliases]) {
      const key = comparable(name).trim();
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== force.id) problems.push({ file, line, message: `name "${name}" is also used by "${owner}"` });
      else aliasOwner.set(key, force.id);
    }
  }

  const measureIds = new Set(measures.map((m) => m.value.id));
  for (const { value: measure, line, file } of measures)
    for (const related of [measure.partOf, measure.supersededBy, measure.rateOf, measure.timeOf, measure.refines?.measure])
      if (related !== undefined && !measureIds.has(related)) problems.push({ file, line, message: `unknown measure "${related}"` });
  const outcomeIds = new Set(outcomes.map((o) => o.value.id));
  for (const { value: outcome, line, file } of outcomes) {
    if (outcome.within !== undefined && !outcomeIds.has(outcome.within)) problems.push({ file, line, message: `unknown outcome "${outcome.within}"` });
    for (const listed of outcome.kindsListed ?? []) if (!measureIds.has(listed)) problems.push({ file, line, message: `unknown measure "${listed}"` });
  }
  for (const { value: measure, line, file } of measures)
    for (const outcome of [measure.refines?.outcome, measure.verdict, ...Object.entries(measure.outcomeWords ?? {}).flat()])
      if (outcome !== undefined && !outcomeIds.has(outcome)) problems.push({ file, line, message: `unknown outcome "${outcome}"` });
  for (const { value: metric, line, file } of metrics) {
    if (!measureIds.has(metric.measure)) problems.push({ file, line, message: `unknown measure "${metric.measure}"` });
    if (metric.outcome !== undefined && !outcomeIds.has(metric.outcome)) problems.push({ file, line, message: `unknown outcome "${metric.outcome}"` });
  }

  const documents: SourceDocument[] = [];
  const sourceForces = new Map<string, Set<string>>();
  for (const { value: meta, line, file } of sources) {
    const textFile = join(SOURCE_TEXTS, `${meta.id}.txt`);
    const path = join(dir, textFile);
    for (const f of meta.forces) if (!forceIds.has(f)) problems.push({ file, line, message: `unknown force "${f}"` });
    sourceForces.set(meta.id, new Set(meta.forces));
    const { text, ...rest } = meta;
    const found = text ?? bytesIfPresent(path)?.toString('utf8');
    if (found !== undefined) documents.push({ ...rest, text: found });
    else problems.push({ file, line, message: `no text: neither a "text" field nor ${at(textFile)}` });
  }

  const docText = new Map(documents.map((d) => [d.id, d.text]));
  const metricIds = new Set(metrics.map((m) => m.value.id));
  const figureIds = new Set(figures.map((f) => f.value.id));
  const valueWrong = valueChecker();
  if (figures.length === 0)
    problems.push({
      file: at(DATA_FILES.figures),
      message: `holds no figures: neither ${DATA_FILES.figures} nor ${join(INGESTED, DATA_FILES.figures)} has one`,
    });
  const sharePeriod = sharer<Period>();
  const shareId = idSharer();
  for (const { value: figure, line, file } of figures) {
    if (!forceIds.has(figure.force)) problems.push({ file, line, message: `unknown force "${figure.force}"` });
    if (!metricIds.has(figure.metric)) problems.push({ file, line, message: `unknown metric "${figure.metric}"` });
    if (figure.restates !== undefined && !figureIds.has(figure.restates))
      problems.push({ file, line, message: `restates unknown figure "${figure.restates}"` });
    const text = docText.get(figure.source);
    const quoteAt = text === undefined ? -1 : text.indexOf(figure.quote);
    if (text === undefined) problems.push({ file, line, message: `unknown source "${figure.source}"` });
    else if (quoteAt < 0) problems.push({ file, line, message: `quote not found verbatim in source "${figure.source}": "${figure.quote}"` });
    for (const wrong of [valueWrong(figure), noteProblem(figure)]) if (wrong !== undefined) problems.push({ file, line, message: wrong });
    const covered = sourceForces.get(figure.source);
    if (covered !== undefined && !covered.has(figure.force))
      problems.push({ file, line, message: `force "${figure.force}" is not among the forces of source "${figure.source}" (${[...covered].join(', ')})` });
    // Checked: now hold the quote as a slice of its document (V8 keeps a pointer, not a copy) and
    // share the period and ids with every other figure that has the same ones.
    if (text !== undefined && quoteAt >= 0) figure.quote = text.slice(quoteAt, quoteAt + figure.quote.length);
    figure.period = sharePeriod(JSON.stringify(figure.period), figure.period);
    shareIds(figure, shareId);
  }

  const unreadable = existsSync(join(dir, UNREADABLE_FILE)) ? readJsonLinesFile(dir, UNREADABLE_FILE, Unreadable, problems, false) : [];
  checkUnreadable(unreadable, { forces: forceIds, metrics: metricIds, sources: new Set(docText.keys()), measures: measureIds }, measures, problems);

  return {
    dataset: {
      forces: forces.map((f) => f.value),
      outside: outside.map((o) => o.value),
      phrases: phrases.map((p) => p.value),
      families: families.map((f) => f.value),
      shorthand: shorthand.map((e) => e.value),
      measures: measures.map((m) => m.value),
      outcomes: outcomes.map((o) => o.value),
      metrics: metrics.map((m) => m.value),
      documents,
      figures: figures.map((f) => f.value),
      unreadable: unreadable.map((u) => u.value),
    },
    problems,
  };
}

/** Unreadable cells name a known force, metric and source; a measure is part of a known measure. */
function checkUnreadable(
  unreadable: Located<Unreadable>[],
  known: Record<'forces' | 'metrics' | 'sources' | 'measures', Set<string>>,
  measures: Located<Measure>[],
  problems: DataProblem[],
): void {
  for (const { value, line, file } of unreadable)
    for (const [what, id] of [
      ['force', value.force],
      ['metric', value.metric],
      ['source', value.source],
    ] as const)
      if (!known[`${what}s`].has(id)) problems.push({ file, line, message: `unknown ${what} "${id}"` });
  for (const { value, line, file } of measures)
    for (const [what, id] of [
      ['part of', value.partOf],
      ['superseded by', value.supersededBy],
    ] as const)
      if (id !== undefined && !known.measures.has(id)) problems.push({ file, line, message: `${what} unknown measure "${id}"` });
}

/** Reads the data folder and returns it only if every check passes; otherwise throws {@link DataError}. */
export function loadDataset(dir: string): Dataset {
  const { dataset, problems } = inspectDataset(dir);
  if (problems.length > 0) throw new DataError(problems);
  return dataset;
}
