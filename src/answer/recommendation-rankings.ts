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
import { counted, countedFor, DATASET, SCRAPED } from './recommendation-lines.ts';

/** How many forces a ranking by recommendations lists when the question does not say. */
const RANKED = 5;

/** Forces by the recommendations the force column files under each, our count. */
export function rankForces(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, recs: readonly SourceDocument[], frame: Frame, which: string): Answer {
  const excluded = asked.scope.kind === 'every-force' || asked.scope.kind === 'region' ? asked.scope.except : [];
  const within = asked.scope.kind === 'region' ? new Set(asked.scope.forces) : undefined;
  const tally = new Map<string, number>();
  for (const d of recs) {
    const f = countedFor(d);
    if (f !== undefined && ctx.forces.get(f)?.kind === 'territorial' && !excluded.includes(f) && (within === undefined || within.has(f)))
      tally.set(f, (tally.get(f) ?? 0) + 1);
  }
  const lowest = asked.ranking.direction === 'lowest';
  const ranked = [...tally].sort((a, b) => (lowest ? a[1] - b[1] : b[1] - a[1]));
  const shown = ranked.slice(0, asked.ranking.limit ?? RANKED);
  const [top] = shown;
  if (!top) return draft.noData('metric_not_held', `We hold no IOPC learning recommendations${which} to the forces asked about.`, frame, 'recommendation');
  draft.allow(SCRAPED);
  const list = shown.map(([f, n]) => {
    const name = draft.forceName(f);
    return `• ${name}: ${counted(draft, n, { forces: [f], name, rows: `whose force column names ${name}` }, '')}`;
  });
  const without = excluded.length > 0 ? ` Left out as asked: ${joinNames(excluded.map((f) => draft.forceName(f)))}.` : '';
  const lead = `${draft.forceName(top[0])} received the ${lowest ? 'fewest' : 'most'} IOPC learning recommendations${which} (our count of the rows of ${DATASET} that its force column files under each force):`;
  return draft.answered('recommendation', `${lead}\n${list.join('\n')}${belowList(without)}`, frame);
}

/** The IOPC's categories in order of the recommendations filed under each (our count). */
export function rankCategories(draft: AnswerDraft, recs: readonly SourceDocument[], frame: Frame, which: string, lowest: boolean): Answer {
  const tally = new Map<string, number>();
  for (const d of recs) if (d.category !== undefined) tally.set(d.category, (tally.get(d.category) ?? 0) + 1);
  const ranked = [...tally].sort((a, b) => (lowest ? a[1] - b[1] : b[1] - a[1]));
  const [top] = ranked;
  if (!top) return draft.noData('metric_not_held', `We hold no IOPC learning recommendations${which} filed under a category.`, frame, 'recommendation');
  draft.allow(SCRAPED);
  const all = { forces: [] as string[], name: 'recommendations counted' };
  const list = ranked.map(([category, n]) => {
    const shown = counted(draft, n, { ...all, rows: `whose category is “${category}”` }, '');
    return `• ${draft.echo(category)}: ${shown}`;
  });
  const uncategorised = recs.filter((d) => d.category === undefined).length;
  const rest =
    uncategorised > 0 ? belowList(`${counted(draft, uncategorised, { ...all, rows: 'with no category recorded' }, '')} more have no category recorded.`) : '';
  return draft.answered(
    'recommendation',
    `The IOPC's category “${draft.echo(top[0])}” holds the ${lowest ? 'fewest' : 'most'} IOPC learning recommendations${which} (our count of the rows of ${DATASET} filed under each category):\n${list.join('\n')}${rest}`,
    frame,
  );
}
