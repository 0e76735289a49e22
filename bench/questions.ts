/**
 * The questions the benchmark asks, by question type: users' own wording, each answered with that
 * type by today's engine on the bundled data and on the generated corpora (which name the same
 * forces, measures and years). Every answer is checked against its expected type and status, so a
 * row never silently measures a different code path.
 */
import type { Answer, Engine } from '../src/index.ts';

/** The question types the issue asks to measure, in report order. */
export const QUESTION_TYPES = [
  'lookup',
  'share',
  'comparison',
  'change',
  'definition',
  'statement',
  'overview',
  'force card',
  'no-data',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Rows measured after the question types: answers about England and Wales, which every generated
 * article mentions, so their size grows with the whole corpus. Measured last and time-boxed. */
export const NATIONAL_ROWS = ['force card (England and Wales)', 'overview (England and Wales)'] as const;
export type NationalRow = (typeof NATIONAL_ROWS)[number];

export type RowName = QuestionType | NationalRow;

/** One question: asked through `answer()`, or a force card through `forceCard()`. */
export interface BenchQuestion {
  text: string;
  via: 'answer' | 'forceCard';
}

const ask = (text: string): BenchQuestion => ({ text, via: 'answer' });
const card = (text: string): BenchQuestion => ({ text, via: 'forceCard' });

export const QUESTIONS: Record<RowName, BenchQuestion[]> = {
  lookup: [
    ask('How many misconduct allegations were made against Hampshire police in 2021-22?'),
    ask('How many conduct matters did Herts have in 2021-22?'),
    ask('How many allegations against Hampshire officers in 2021-22 resulted in no action being required?'),
    ask('Recordable conduct matters Hampshire 2021/22'),
  ],
  share: [
    ask('What share of complaint allegations against Hampshire needed no action in 2021-22?'),
    ask('What percentage of Hertfordshire allegations needed no action in 2021-22?'),
    ask('What proportion of misconduct allegations in Hampshire were referred to misconduct proceedings in 2021-22?'),
  ],
  comparison: [
    ask('Which had more misconduct allegations in 2021-22, Hampshire or Hertfordshire?'),
    ask('Compare conduct matters in Hampshire and Herts in 2021-22'),
    ask('Hampshire vs Hertfordshire complaint allegations needing no action 2021-22'),
  ],
  change: [
    ask('How have misconduct allegations against Hampshire police changed since 2021-22?'),
    ask('Have misconduct allegations against Hampshire gone up or down?'),
    ask('Did misconduct allegations against Hampshire rise or fall between 2021-22 and the latest year?'),
  ],
  definition: [
    ask('What is a recordable conduct matter?'),
    ask('What is a conduct matter?'),
    ask('What does reflective practice mean?'),
  ],
  statement: [ask('What did the NPCC say?'), ask('What did Amnesty say?'), ask('What did the Police Federation say?')],
  overview: [ask('Tell me about Hampshire'), ask('Tell me about Hertfordshire'), ask('What do you know about Herts police?')],
  'force card': [card('Hampshire'), card('Herts'), card('Hampshire and Isle of Wight Constabulary')],
  'no-data': [
    ask('How many complaints against Narnia Police?'),
    ask("What's the weather in Paris tomorrow?"),
    ask('How many misconduct allegations were made against Hampshire police in 1995-96?'),
    ask('How many stop and searches did Hampshire do?'),
  ],
  'overview (England and Wales)': [ask('What do you know about England and Wales?')],
  'force card (England and Wales)': [card('England and Wales')],
};

/** Whether an answer is of the kind its row measures. */
export function expected(row: RowName, answer: Answer): boolean {
  switch (row) {
    case 'no-data':
      return answer.status === 'no_data';
    case 'change':
      return answer.status === 'answered' && (answer.type === 'change' || answer.type === 'trend');
    case 'force card':
    case 'force card (England and Wales)':
      return answer.status === 'answered' && answer.type === 'force_card';
    case 'overview (England and Wales)':
      return answer.status === 'answered' && answer.type === 'overview';
    default:
      return answer.status === 'answered' && answer.type === row;
  }
}

/** The engine's own word that answering failed (a bug it caught): counted as an error, never a result. */
export function failed(answer: Answer): boolean {
  return answer.status === 'no_data' && answer.reason === 'not_understood' && answer.text.startsWith('Sorry, I could not answer that reliably');
}

/** Asks one benchmark question. */
export function askEngine(engine: Engine, question: BenchQuestion): Answer {
  return question.via === 'forceCard' ? engine.forceCard(question.text) : engine.answer(question.text);
}
