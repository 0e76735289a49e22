/**
 * Questions about the last answer rather than the data: where its figures come from ("who
 * published that?"), and the answer in another form (a chart, a CSV). Both read only the previous
 * exchange's frame, never the figures again.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { SourceDocument } from '../model/data.ts';
import { TRUST } from './citations.ts';
import { publishedLabel } from '../render/format.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';

/** A question about the last answer leaves the conversation's subject as it was: "where does that
 * come from?" then "and nationally?" still asks about the last answer's measure. */
function keptFrame(frame: QueryFrame, type: Frame['type']): Frame {
  return frame.context ?? { type, forces: [], periods: [] };
}

/** What the previous answer cited, by its sources: publisher, document, date and how far to trust it. */
export function answerProvenance(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  const ids = asked.context?.sources ?? [];
  const documents = ids.map((id) => ctx.documents.get(id)).filter((d): d is SourceDocument => d !== undefined);
  const frame = keptFrame(asked, 'provenance');
  if (documents.length === 0)
    return draft.noData(
      'empty',
      'There is no figure in our conversation yet to trace. Ask a question first: every answer lists the source of each figure it gives.',
      frame,
      'provenance',
    );
  const lines = documents.map((d) => {
    const date = publishedLabel({ published: d.published, publishedInferred: d.dateInferred });
    const line = `• ${d.title} — published by ${d.publisher}, ${date}${d.basedOn ? `, from ${d.basedOn}` : ''}: ${TRUST[d.sourceType]}. ${d.url}`;
    // A title or date holds numbers that are the source's name, not figures.
    draft.allow(line);
    return line;
  });
  const lead = documents.length === 1 ? 'The figures in my last answer come from one source:' : 'The figures in my last answer come from these sources:';
  return draft.answered('provenance', `${lead}\n${lines.join('\n')}`, frame);
}

/** The last answer's chart, as an image or its rows as CSV; or, when it had none, why not. */
export function answerChart(asked: QueryFrame, draft: AnswerDraft): Answer {
  const frame = keptFrame(asked, 'chart');
  const files = asked.files ?? ['png'];
  const what = files.includes('png') ? (files.includes('csv') ? 'a chart and a CSV file' : 'a chart') : 'a CSV file';
  const chart = asked.context?.chart;
  if (asked.context === undefined)
    return draft.noData(
      'empty',
      `There is no answer in our conversation yet to make ${what} of. Ask about a trend, a change, a comparison or a ranking, then ask again.`,
      frame,
      'chart',
    );
  if (chart === undefined)
    return draft.noData(
      'not_available',
      `My last answer has no series of figures to make ${what} of: that comes with a trend, a change, a comparison or a ranking.`,
      frame,
      'chart',
    );
  draft.showChart(chart, files);
  // The chart's title names a measure and periods: names, not figures.
  draft.allow(chart.title);
  return draft.answered('chart', `Here is my last answer as ${what}: ${chart.title}.`, frame);
}
