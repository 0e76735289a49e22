/**
 * The questions the answering benchmark asks: what people ask, in their own words. The regression
 * set (test/eval), the practice sets and a set of reporters' questions (copied into bench/ without
 * their expected answers), and the paths questions of questions.ts; each question that stands alone
 * is asked once more in another phrasing (typed casually, a polite lead-in, two letters swapped, a
 * year written the other way), chosen per question by a generator seeded from the benchmark's seed,
 * so every run and every corpus size asks the same questions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_DIR } from '../src/project.ts';
import { Prng } from './prng.ts';
import { QUESTIONS } from './questions.ts';

/** One question of the set. */
export interface SetQuestion {
  /** `<set>:<id>`, with `~<variant>` for a varied phrasing. */
  id: string;
  text: string;
  /** Asked through `answer()`, or as a force card through `forceCard()` (a slash command's argument). */
  via: 'answer' | 'forceCard';
  /** The question this one follows up: asked with that question's answer as the previous exchange. */
  after?: string;
}

const Line = z.object({ id: z.string(), q: z.string(), after: z.string().optional(), mode: z.enum(['ask', 'force', 'force-all']).optional() });

/** The sets, each a folder of the project (found from the bundle as from the sources) and the files in it that hold its questions. */
const SETS = [
  { name: 'regression', dir: join(PROJECT_DIR, 'test', 'eval'), files: /^questions.*\.jsonl$/ },
  { name: 'practice', dir: join(PROJECT_DIR, 'bench'), files: /^questions-practice\.jsonl$/ },
  { name: 'reporters', dir: join(PROJECT_DIR, 'bench'), files: /^questions-reporters\.jsonl$/ },
] as const;

function readSet(name: string, dir: string, files: RegExp): SetQuestion[] {
  return readdirSync(dir)
    .filter((f) => files.test(f))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const parsed = Line.parse(JSON.parse(line));
          const question: SetQuestion = {
            id: `${name}:${parsed.id}`,
            text: parsed.q,
            via: parsed.mode === undefined || parsed.mode === 'ask' ? 'answer' : 'forceCard',
          };
          if (parsed.after !== undefined) question.after = `${name}:${parsed.after}`;
          return question;
        }),
    );
}

const LEAD_INS = ['Can you tell me', 'Do you know', 'Please tell me', 'I need to know'];

/** Ways people write the same question, each undefined where it does not apply. */
const VARIANTS: Record<string, (text: string, rng: Prng) => string | undefined> = {
  casual: (text) => text.toLowerCase().replace(/[\s?.!]+$/, ''),
  polite: (text, rng) =>
    /^(how|what|which|who|when|where|why|did|does|do|is|are|has|have|was|were)\b/i.test(text)
      ? `${rng.pick(LEAD_INS)} ${text.charAt(0).toLowerCase()}${text.slice(1)}`
      : undefined,
  typo: (text, rng) => {
    const long = [...text.matchAll(/\b[a-z]{7,}\b/g)];
    if (long.length === 0) return undefined;
    const word = rng.pick(long);
    const at = rng.int(1, word[0].length - 3);
    const swapped = `${word[0].slice(0, at)}${word[0].charAt(at + 1)}${word[0].charAt(at)}${word[0].slice(at + 2)}`;
    return `${text.slice(0, word.index)}${swapped}${text.slice(word.index + word[0].length)}`;
  },
  year: (text) => {
    const year = /\b(20\d\d)([-/])(\d\d)\b/.exec(text);
    if (!year) return undefined;
    return `${text.slice(0, year.index)}${year[1]}${year[2] === '-' ? '/' : '-'}${year[3]}${text.slice(year.index + year[0].length)}`;
  },
};

/** A question's other phrasing, or undefined where none applies. */
function varied(question: SetQuestion, seed: string): SetQuestion | undefined {
  const rng = new Prng(`${seed}|${question.id}`);
  const options = Object.entries(VARIANTS)
    .map(([name, vary]) => ({ name, text: vary(question.text, rng) }))
    .filter((v): v is { name: string; text: string } => v.text !== undefined && v.text !== question.text);
  if (options.length === 0) return undefined;
  const chosen = rng.pick(options);
  return { id: `${question.id}~${chosen.name}`, text: chosen.text, via: question.via };
}

/** Every question of the set, in the order asked: each set's as written, then the varied phrasings. */
export function questionSet(seed: string): SetQuestion[] {
  const paths = Object.entries(QUESTIONS).flatMap(([row, questions]) =>
    questions.map((q, i): SetQuestion => ({ id: `paths:${row}:${i + 1}`, text: q.text, via: q.via })),
  );
  const asWritten = [...SETS.flatMap((set) => readSet(set.name, set.dir, set.files)), ...paths];
  // Follow-ups are asked only as written, after the question they follow.
  const variations = asWritten.filter((q) => q.after === undefined).flatMap((q) => varied(q, seed) ?? []);
  return [...asWritten, ...variations];
}

/** `count` questions: every path question, so each kind of answer is timed at every size, then the
 * rest spread evenly over the other questions (every set and phrasing among them); or all. A
 * follow-up whose question is left out is asked on its own. */
export function sampleOf(questions: readonly SetQuestion[], count: number | undefined): SetQuestion[] {
  if (count === undefined || count >= questions.length) return [...questions];
  const paths = questions.filter((q) => q.id.startsWith('paths:'));
  const rest = questions.filter((q) => !q.id.startsWith('paths:'));
  const wanted = Math.max(count - paths.length, 0);
  const step = rest.length / Math.max(wanted, 1);
  const spread = Array.from({ length: wanted }, (_, j) => rest[Math.floor(j * step)]).filter((q): q is SetQuestion => q !== undefined);
  return [...spread, ...paths];
}
