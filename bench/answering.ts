/**
 * In-process answering latency over the question set (question-set.ts): every question asked once
 * cold (checked for failures, and sorted into a row by the type of its answer), then several timed
 * passes over them all, one answer timed at a time with the monotonic high-resolution clock, and
 * passes of the question parser alone (`engine.explain`). Each row's percentiles are the medians of
 * the passes'; the slowest questions are named by their median time.
 */
import type { Answer, Engine } from '../src/index.ts';
import { profileWork, type ProfileSummary } from './profile.ts';
import type { SetQuestion } from './question-set.ts';
import { medianOfRuns, median, runStats, type RunStats } from './stats.ts';

export interface MeasureOptions {
  /** Timed passes over every question, after the cold one. */
  runs: number;
  /** A size whose cold pass takes longer than this is timed with one pass only. */
  slowPassMs: number;
  /** The targets at this size, for every question: a set that misses one is profiled, to name the hot function. */
  targets?: { p50?: number; p99: number; max?: number };
  /** How long to profile such a set for. */
  profileMs: number;
  /** False to leave the heap as the answers leave it: no full collection (where gc is exposed)
   * between passes, which steadies the timed passes but would flatter memory after a burst. */
  collect?: boolean;
}

/** What one row measured: the answers of one type, every answer, or the parser. */
export interface RowResult {
  row: string;
  /** Questions in the row. */
  questions: number;
  /** Median over passes (n is the total number of timed answers). */
  stats: RunStats;
  /** The slowest cold (first) answer, in ms. */
  coldMs: number;
  /** Median citations and text length of the row's answers: how big the answers are. */
  citations: number;
  textChars: number;
}

/** A question among the slowest, with its median time over the passes. */
export interface SlowQuestion {
  question: string;
  row: string;
  ms: number;
}

/** What the set measured at one size. */
export interface SetResult {
  questions: number;
  passes: number;
  /** One row per type of answer, in the order of ROW_ORDER, then the rest by name. */
  rows: RowResult[];
  all: RowResult;
  parser: RowResult;
  /** Time spent in full-text searches, by question that searched at all, when a search clock was given. */
  search?: RowResult;
  /** The full-text searches' work in one timed pass, when counted: tiers read and passages scored.
   * The same every pass, and unmoved by the machine's load, unlike their time. */
  searchWork?: SearchWork;
  slowest: SlowQuestion[];
  /** Questions whose answering threw or that the engine reported as failed. */
  errors: string[];
  profile?: ProfileSummary;
}

/** Work done by full-text searches (see PassageSearch's `read`). */
export interface SearchWork {
  tiers: number;
  scored: number;
}

/** Called before each question's first answer, so a supervisor can tell which answer hangs; and
 * after the cold pass and each timed one, when no one answer is under way. `searchMs`, where given,
 * reads the milliseconds spent in full-text searches so far. */
export interface SetHooks {
  onBegin?: (question: string) => void;
  onPass?: (passes: number) => void;
  searchMs?: () => number;
  /** Reads the full-text searches' work so far. */
  searchWork?: () => SearchWork;
}

/** Rows in report order: the figure answers, the text answers, the rest. */
export const ROW_ORDER = [
  'lookup',
  'share',
  'comparison',
  'change',
  'trend',
  'ranking',
  'recommendation',
  'definition',
  'statement',
  'overview',
  'force card',
  'sources',
  'help',
  'provenance',
  'chart',
  'no data',
  'unclear',
];
export const ALL_ROW = 'every question';
export const PARSER_ROW = 'question parser (explain)';
export const SEARCH_ROW = 'full-text search, within answers';

/** The row an answer is counted in: its type, or how it declined. */
export function rowOf(answer: Answer): string {
  if (answer.status === 'no_data') return 'no data';
  if (answer.status === 'unclear') return 'unclear';
  return (answer.type ?? 'untyped').replace('_', ' ');
}

/** The engine's own word that answering failed (a bug it caught): counted as an error, never a result. */
export function failed(answer: Answer): boolean {
  return answer.status === 'no_data' && answer.reason === 'not_understood' && answer.text.startsWith('Sorry, I could not answer that reliably');
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Asks `q`, a follow-up with the answer (in `answers`) to the question it follows; keeps its answer there. */
function ask(engine: Engine, q: SetQuestion, answers: Map<string, Answer>): Answer {
  const previous = q.after === undefined ? undefined : answers.get(q.after);
  const answer = q.via === 'forceCard' ? engine.forceCard(q.text) : engine.answer(q.text, previous ? { previous } : undefined);
  answers.set(q.id, answer);
  return answer;
}

/** Asks every question but the broken ones once, in order, timing each (and its searches, with a
 * search clock); returns the pass's wall time. */
function pass(
  engine: Engine,
  questions: readonly SetQuestion[],
  broken: ReadonlySet<number>,
  each: (i: number, ms: number, searchMs: number) => void,
  searchClock = () => 0,
): number {
  const answers = new Map<string, Answer>();
  const started = nowMs();
  questions.forEach((q, i) => {
    if (broken.has(i)) return;
    const searched = searchClock();
    const t = nowMs();
    ask(engine, q, answers);
    each(i, nowMs() - t, searchClock() - searched);
  });
  return nowMs() - started;
}

/** Reads every question with the parser alone, timing each. */
function parserPass(engine: Engine, questions: readonly SetQuestion[]): number[] {
  return questions
    .filter((q) => q.via === 'answer')
    .map((q) => {
      const t = nowMs();
      engine.explain(q.text);
      return nowMs() - t;
    });
}

/** Measures the set against `engine`. */
export async function measureSet(engine: Engine, questions: readonly SetQuestion[], options: MeasureOptions, hooks: SetHooks = {}): Promise<SetResult> {
  const collect = () => {
    if (options.collect !== false) globalThis.gc?.();
  };
  const rowOfQuestion: string[] = [];
  const cold: number[] = [];
  const citations: number[] = [];
  const textChars: number[] = [];
  const errors: string[] = [];
  // The cold pass: each question's first answer is checked, sorted into its row and timed.
  const answers = new Map<string, Answer>();
  const broken = new Set<number>();
  let coldPassMs = 0;
  for (const [i, q] of questions.entries()) {
    hooks.onBegin?.(q.text);
    const t = nowMs();
    try {
      const answer = ask(engine, q, answers);
      rowOfQuestion[i] = rowOf(answer);
      citations[i] = answer.citations.length;
      textChars[i] = answer.text.length;
      if (failed(answer)) {
        errors.push(`${q.text}: the engine could not answer it reliably (a bug it caught; see its error log)`);
        broken.add(i);
      }
    } catch (error) {
      errors.push(`${q.text}: ${error instanceof Error ? error.message : String(error)}`);
      broken.add(i);
    }
    cold[i] = nowMs() - t;
    coldPassMs += cold[i] ?? 0;
    // Lets the messages to the supervisor out now and then.
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  hooks.onPass?.(0);
  collect();

  const passes = coldPassMs > options.slowPassMs ? 1 : options.runs;
  const times: number[][] = questions.map(() => []);
  const byRow = new Map<string, RunStats[]>();
  const allRuns: RunStats[] = [];
  const parserRuns: RunStats[] = [];
  const searchRuns: RunStats[] = [];
  const searching = new Set<number>();
  let searchWork: SearchWork | undefined;
  for (let r = 0; r < passes; r++) {
    const workBefore = hooks.searchWork?.();
    const samples = new Map<string, number[]>();
    const all: number[] = [];
    const searches: number[] = [];
    const wall = pass(
      engine,
      questions,
      broken,
      (i, ms, searchMs) => {
        times[i]?.push(ms);
        all.push(ms);
        if (searchMs > 0) {
          searches.push(searchMs);
          searching.add(i);
        }
        const row = rowOfQuestion[i] ?? 'error';
        const list = samples.get(row);
        if (list) list.push(ms);
        else samples.set(row, [ms]);
      },
      hooks.searchMs,
    );
    for (const [row, s] of samples)
      byRow.set(row, [
        ...(byRow.get(row) ?? []),
        runStats(
          s,
          s.reduce((a, b) => a + b, 0),
        ),
      ]);
    const workAfter = hooks.searchWork?.();
    if (workBefore && workAfter) searchWork = { tiers: workAfter.tiers - workBefore.tiers, scored: workAfter.scored - workBefore.scored };
    allRuns.push(runStats(all, wall));
    searchRuns.push(
      runStats(
        searches,
        searches.reduce((a, b) => a + b, 0),
      ),
    );
    collect();
    const parsed = parserPass(engine, questions);
    parserRuns.push(
      runStats(
        parsed,
        parsed.reduce((a, b) => a + b, 0),
      ),
    );
    collect();
    hooks.onPass?.(r + 1);
  }

  const medianOf = (values: number[]) => (values.length === 0 ? 0 : median(values));
  const rowResult = (row: string, members: number[], runs: RunStats[]): RowResult => ({
    row,
    questions: members.length,
    stats: medianOfRuns(runs),
    coldMs: Math.max(0, ...members.map((i) => cold[i] ?? 0)),
    citations: medianOf(members.map((i) => citations[i] ?? 0)),
    textChars: medianOf(members.map((i) => textChars[i] ?? 0)),
  });
  const members = (row: string) => questions.flatMap((_, i) => (rowOfQuestion[i] === row && !broken.has(i) ? [i] : []));
  const rank = (row: string) => (ROW_ORDER.includes(row) ? ROW_ORDER.indexOf(row) : ROW_ORDER.length);
  const rows = [...byRow.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((row) => rowResult(row, members(row), byRow.get(row) ?? []));
  const everyone = questions.flatMap((_, i) => (broken.has(i) ? [] : [i]));
  const slowest = questions
    .flatMap((q, i) => (broken.has(i) ? [] : [{ question: q.text, row: rowOfQuestion[i] ?? 'error', ms: medianOf(times[i] ?? []) }]))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  const result: SetResult = {
    questions: questions.length,
    passes,
    rows,
    all: rowResult(ALL_ROW, everyone, allRuns),
    parser: {
      ...rowResult(
        PARSER_ROW,
        everyone.filter((i) => questions[i]?.via === 'answer'),
        parserRuns,
      ),
      citations: 0,
      textChars: 0,
    },
    slowest,
    errors,
  };
  if (hooks.searchMs) result.search = { ...rowResult(SEARCH_ROW, [...searching], searchRuns), citations: 0, textChars: 0 };
  if (searchWork) result.searchWork = searchWork;
  // Profiled apart from the timed passes, so the profiler's overhead never reaches the numbers.
  const { targets } = options;
  const { stats } = result.all;
  const missed =
    targets !== undefined &&
    (stats.p99 > targets.p99 || (targets.p50 !== undefined && stats.p50 > targets.p50) || (targets.max !== undefined && stats.max > targets.max));
  if (missed) {
    result.profile = await profileWork(() => {
      const until = nowMs() + options.profileMs;
      const asked = new Map<string, Answer>();
      for (const [i, q] of questions.entries()) if (!broken.has(i) && nowMs() < until) ask(engine, q, asked);
    });
  }
  return result;
}
