/**
 * A few questions for each of the engine's paths, in users' own wording, each answered by that path
 * on the bundled data and on the generated corpora (which name the same forces, measures and
 * years): the mentions of the Slack benchmark, and part of the answering benchmark's question set
 * (question-set.ts), where they make sure every path is asked at every size.
 */

/** The paths, in the order the Slack benchmark cycles through them. */
export const QUESTION_TYPES = [
  'lookup',
  'share',
  'comparison',
  'change',
  'trend',
  'definition',
  'statement',
  'overview',
  'force card',
  'no-data',
  'unclear',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Answers about England and Wales, which every generated article mentions, so their size grows
 * with the whole corpus. */
export const NATIONAL_PATHS = ['force card (England and Wales)', 'overview (England and Wales)'] as const;
export type NationalPath = (typeof NATIONAL_PATHS)[number];

/** One question: asked through `answer()`, or a force card through `forceCard()`. */
export interface BenchQuestion {
  text: string;
  via: 'answer' | 'forceCard';
}

const ask = (text: string): BenchQuestion => ({ text, via: 'answer' });
const card = (text: string): BenchQuestion => ({ text, via: 'forceCard' });

export const QUESTIONS: Record<QuestionType | NationalPath, BenchQuestion[]> = {
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
  trend: [ask('What is the trend in misconduct complaint allegations against Hampshire Constabulary?'), ask('Hampshire misconduct allegations over the years')],
  definition: [ask('What is a recordable conduct matter?'), ask('What is a conduct matter?'), ask('What does reflective practice mean?')],
  statement: [ask('What did the NPCC say?'), ask('What did Amnesty say?'), ask('What did the Police Federation say?')],
  overview: [ask('Tell me about Hampshire'), ask('Tell me about Hertfordshire'), ask('What do you know about Herts police?')],
  'force card': [card('Hampshire'), card('Herts'), card('Hampshire and Isle of Wight Constabulary')],
  // Questions asked back ("Ranked by what?"), so every size times that path too.
  unclear: [ask('Which force is the worst?')],
  'no-data': [
    ask('How many complaints against Narnia Police?'),
    ask("What's the weather in Paris tomorrow?"),
    ask('How many misconduct allegations were made against Hampshire police in 1995-96?'),
    ask('How many stop and searches did Hampshire do?'),
  ],
  'overview (England and Wales)': [ask('What do you know about England and Wales?')],
  'force card (England and Wales)': [card('England and Wales')],
};
