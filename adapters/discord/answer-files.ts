/**
 * An answer's chart (PNG) and CSV on Discord: one more message of the reply, after the answer's
 * text (the fallback), carrying the files as attachments with the chart's alt text as the image's
 * description. Its one line of text names the chart, escaped: the title is made from the data.
 */
import type { ChartSpec } from '../../src/chart/index.ts';
import type { Logger } from '../../src/index.ts';
import { answerFiles } from '../shared/answer-files.ts';
import type { OutgoingMessage, SendMessage } from './deliver.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { summariseError } from './safe-log.ts';

/** The message that carries the files, or undefined when there are none. */
export async function filesMessage(chart: ChartSpec | undefined, csv: string | undefined): Promise<OutgoingMessage | undefined> {
  const files = await answerFiles(chart, csv);
  if (files.length === 0) return undefined;
  const lines = [
    ...(chart === undefined ? [] : [`**Chart:** ${escapeMarkdown(chart.title)}`]),
    ...(csv === undefined ? [] : ['**CSV:** the rows, each with its citation and source.']),
  ];
  return {
    content: lines.join('\n'),
    files: files.map((f) => ({ attachment: f.data, name: f.filename, ...(f.altText === undefined ? {} : { description: f.altText }) })),
  };
}

/**
 * Sends the chart and CSV of an answer through `send`, and returns the id of the message that
 * carries them. A chart that cannot be drawn or sent is logged, never thrown: the answer is
 * already posted.
 */
export async function sendAnswerFiles(
  send: SendMessage,
  chart: ChartSpec | undefined,
  csv: string | undefined,
  log: Logger,
  secrets: readonly string[],
): Promise<string | undefined> {
  try {
    const message = await filesMessage(chart, csv);
    if (message === undefined) return undefined;
    const { id } = await send(message);
    return typeof id === 'string' ? id : undefined;
  } catch (error) {
    log.warn({ error: summariseError(error, secrets) }, 'could not send the chart or CSV; the answer stands without it');
    return undefined;
  }
}
