/**
 * "Which force has received the most IOPC recommendations?", "which category holds the most?":
 * forces ranked by the rows the dataset's force column files under each, and the IOPC's categories
 * by the rows filed under each, both our counts of the BBC Shared Data Unit's scrape.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { SourceDocument } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { belowList, joinNames } from './holdings.ts';
import { type Selection, rowsCounted } from './recommendation-counts.ts';
import { bullets, counted, countedFor, DATASET, PERIOD, SCRAPED, unattributed } from './recommendation-lines.ts';
import { shownAs } from './recommendation-select.ts';
import { ordinalWord } from '../text/numbers.ts';
import { meetsThreshold, thresholdWords } from '../understand/shape.ts';
import { countOf } from './rankings.ts';

/** How many forces a ranking by recommendations lists when the question does not say. */
const RANKED = 5;

/** Forces by the recommendations the force column files under each, our count. */
export function rankForces(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, recs: readonly SourceDocument[], frame: Frame, which: string): Answer {
  const excluded = asked.scope.kind === 'every-force' || asked.scope.kind === 'region' ? asked.scope.except : [];
  const within = asked.scope.kind === 'region' ? new Set(asked.scope.forces) : undefined;
  // Every force asked about counts, those with none as 0 ("fewer than 5", "the fewest").
  const inScope = (f: string) => ctx.forces.get(f)?.kind === 'territorial' && !excluded.includes(f) && (within === undefined || within.has(f));
  const tally = new Map<string, number>([...ctx.forces.keys()].filter(inScope).map((f) => [f, 0]));
  for (const d of recs) {
    const f = countedFor(d);
    if (f !== undefined && inScope(f)) tally.set(f, (tally.get(f) ?? 0) + 1);
  }
  const lowest = asked.ranking.direction === 'lowest';
  const { threshold, position } = asked.ranking;
  const ranked = [...tally].sort((a, b) => (lowest ? a[1] - b[1] : b[1] - a[1]));
  const how = `(our count of the rows of ${DATASET} that its force column files under each force)`;
  const without = excluded.length > 0 ? ` Left out as asked: ${joinNames(excluded.map((f) => draft.forceName(f)))}.` : '';
  const line = ([f, n]: [string, number]) => {
    const name = draft.forceName(f);
    // Pages filed under no force ("#N/A") that name it in their tags or heading are said, never counted.
    const more = unattributed(recs, [f]).length;
    const rows = `whose force column is “#N/A” and whose tags or heading name ${name}`;
    const besides = more > 0 ? ` (and ${counted(draft, more, { forces: [f], name, rows }, '')} more naming it only in their tags or heading)` : '';
    return `• ${name}: ${counted(draft, n, { forces: [f], name, rows: `whose force column names ${name}` }, '')}${besides}`;
  };
  draft.allow(SCRAPED);
  // "How many forces received more than 50?": every force past the number, counted.
  if (threshold) {
    const past = ranked.filter(([, n]) => meetsThreshold(threshold, n));
    const bound = `${thresholdWords(threshold)} ${draft.echo(String(threshold.value))}`;
    // The user's own number, echoed; the two counts of forces are ours, their working the forces counted.
    draft.allow(String(threshold.value));
    const scraped = { id: PERIOD.periodId, label: PERIOD.period };
    const names = (forces: ReadonlyArray<[string, number]>) => forces.map(([f]) => draft.forceName(f));
    countOf(draft, past.length, `forces with ${bound} IOPC learning recommendations`, scraped, names(past));
    countOf(draft, ranked.length, 'forces with IOPC learning recommendations', scraped, names(ranked));
    const lead = `${past.length} of the ${ranked.length} forces received ${bound} IOPC learning recommendations${which} ${how}`;
    return draft.answered('recommendation', `${lead}${past.length > 0 ? `:\n${past.map(line).join('\n')}` : '.'}${belowList(without)}`, frame);
  }
  const shown = ranked.slice(0, Math.max(asked.ranking.limit ?? RANKED, position ?? 0));
  // "The second-highest": the place asked leads.
  const [top] = position !== undefined ? shown.slice(position - 1) : shown;
  if (!top) return draft.noData('metric_not_held', `We hold no IOPC learning recommendations${which} to the forces asked about.`, frame, 'recommendation');
  const place = position !== undefined ? `${ordinalWord(position)}-` : '';
  const lead = `${draft.forceName(top[0])} received the ${place}${lowest ? 'fewest' : 'most'} IOPC learning recommendations${which} ${how}:`;
  return draft.answered('recommendation', `${lead}\n${shown.map(line).join('\n')}${belowList(without)}`, frame);
}

/** What a ranking of categories says besides the order: the count of all it ranked, and a few quoted. */
export interface CategoryExtras {
  lowest: boolean;
  /** "How many, and what's the main theme?": how many were ranked, our count. */
  counted: boolean;
  /** "What kinds of things has the IOPC recommended?": some of them, quoted under the order. */
  examples: readonly SourceDocument[];
  /** "The top three themes": how many categories to list, where the question says. */
  limit?: number | undefined;
}

/** The IOPC's categories in order of the recommendations filed under each (our count). */
export function rankCategories(draft: AnswerDraft, s: Selection, frame: Frame, which: string, extras: CategoryExtras): Answer {
  const recs = s.chosen;
  const tally = new Map<string, number>();
  for (const d of recs) if (d.category !== undefined) tally.set(d.category, (tally.get(d.category) ?? 0) + 1);
  const ranked = [...tally].sort((a, b) => (extras.lowest ? a[1] - b[1] : b[1] - a[1]));
  const [top] = ranked;
  if (!top) return draft.noData('metric_not_held', `We hold no IOPC learning recommendations${which} filed under a category.`, frame, 'recommendation');
  draft.allow(SCRAPED);
  const names = s.forces.map((f) => draft.forceName(f));
  // The rows each count counted: the forces and period asked, and the category (or none).
  const whom = (category: string | undefined, rows?: string) => ({
    forces: [...s.forces],
    name: 'recommendations counted',
    rows: [rowsCounted(names, category, s.asks.length > 0 ? s.when : ''), rows ?? ''].filter((r) => r !== '').join(', '),
  });
  const list = ranked.slice(0, extras.limit ?? ranked.length).map(([category, n]) => `• ${draft.echo(category)}: ${counted(draft, n, whom(category), '')}`);
  const uncategorised = recs.filter((d) => d.category === undefined).length;
  const rest =
    uncategorised > 0 ? belowList(`${counted(draft, uncategorised, whom(undefined, 'with no category recorded'), '')} more have no category recorded.`) : '';
  const every = whom(undefined);
  const total = extras.counted
    ? `We hold ${counted(draft, recs.length, every, '')} IOPC learning recommendation${recs.length === 1 ? '' : 's'}${which} (our count of the rows of ${DATASET}${every.rows ? ` ${every.rows}` : ''}). `
    : '';
  const examples = extras.examples.length > 0 ? `\n${shownAs(extras.examples, recs, s.topic)}:\n${bullets(draft, extras.examples).join('\n')}` : '';
  return draft.answered(
    'recommendation',
    `${total}The IOPC's category “${draft.echo(top[0])}” holds the ${extras.lowest ? 'fewest' : 'most'} IOPC learning recommendations${which} (our count of the rows of ${DATASET} filed under each category):\n${list.join('\n')}${rest}${examples}`,
    frame,
  );
}
