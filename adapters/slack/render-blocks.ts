/**
 * Pure rendering of an engine Answer as Slack messages (Block Kit plus the plain `text` fallback).
 * No SDK here: the output is JSON that chat.postMessage, chat.postEphemeral and response_url accept.
 * Slack's limits are named constants; an answer too big for one message becomes several, split
 * between blocks so a citation is never cut in two.
 */
import { type Answer, type Citation, type Fact, publishedLabel, renderText } from '../../src/index.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';
import { feedbackButtons } from './feedback/controls.ts';

/** Characters in one section block's text. */
export const SECTION_TEXT_MAX = 3000;
/** Characters in one text element of a context block. */
export const CONTEXT_TEXT_MAX = 3000;
/** Blocks in one message. */
export const MESSAGE_BLOCKS_MAX = 50;
/** Slack truncates a message's `text` beyond this; we cut first, at a line, and say so. */
export const FALLBACK_TEXT_MAX = 40_000;
/** Characters in a button's `value`. */
export const BUTTON_VALUE_MAX = 2000;
/** Characters in a button's label. */
export const BUTTON_LABEL_MAX = 75;

export const SHARE_ACTION_ID = 'forcewatch_share';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
}
export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}
export interface DividerBlock {
  type: 'divider';
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary';
  /** What a screen reader says for a button whose text is an emoji. */
  accessibility_label?: string;
}
export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}
/** The subset of Block Kit this adapter posts. */
export type Block = SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** One message to post: blocks plus the `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Adds a "Share in channel" button carrying this value (the adapter's own encoding). */
  shareValue?: string;
  /** Slack user ID of whoever shared the answer into the channel, credited above it. */
  sharedBy?: string;
  /** Adds the 👍 / 👎 and "Report a wrong figure" buttons for the answer kept under this id. */
  feedbackId?: string;
}

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/** Slack user IDs are upper-case letters and digits; anything else is not mentioned. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Length of `text` once escaped for mrkdwn, without building the string. */
function escapedLength(text: string): number {
  let n = text.length;
  for (const ch of text) {
    if (ch === '&') n += 4;
    else if (ch === '<' || ch === '>') n += 3;
  }
  return n;
}

/**
 * Splits plain text into pieces whose escaped length is at most `max`, preferring paragraph, then
 * line, then sentence, then word boundaries, so a `[n]` marker or a figure is never cut.
 */
export function splitText(text: string, max: number): string[] {
  return splitRaw(text, max)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** Pieces keep their surrounding whitespace until the end, so a boundary is never lost when a
 * piece split further is joined to the next part. */
function splitRaw(text: string, max: number): string[] {
  if (escapedLength(text) <= max) return [text];
  const separators: RegExp[] = [/(?<=\n\n)/, /(?<=\n)/, /(?<=[.!?] )/, /(?<= )/];
  for (const separator of separators) {
    const parts = text.split(separator);
    if (parts.length > 1) return pack(parts, max);
  }
  return hardCut(text, max);
}

/** Greedily joins consecutive parts while they fit; parts that are too big are split further. */
function pack(parts: string[], max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const part of parts) {
    if (escapedLength(current + part) <= max) {
      current += part;
      continue;
    }
    if (current !== '') pieces.push(current);
    if (escapedLength(part) <= max) {
      current = part;
    } else {
      const split = splitRaw(part, max);
      current = split.pop() ?? '';
      pieces.push(...split);
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Last resort for a single "word" longer than a block: cut by character. */
function hardCut(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    if (escapedLength(current + ch) > max) {
      pieces.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** "1,938", "89%", "nearly 20". */
export function formatValue(fact: Pick<Fact, 'value' | 'unit' | 'qualifier'>): string {
  const number = fact.unit === 'percent' ? `${numberFormat.format(fact.value)}%` : numberFormat.format(fact.value);
  return fact.qualifier ? `${fact.qualifier} ${number}` : number;
}

/** One bullet per fact, under a heading per force and period, as mrkdwn lines. */
function figureLines(facts: Fact[]): string[] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = `${fact.forceName} · ${fact.period}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  const lines: string[] = [];
  for (const [heading, groupFacts] of groups) {
    lines.push(`*${escapeMrkdwn(heading)}*`);
    for (const fact of groupFacts) {
      const markers = fact.citations.map((n) => `[${n}]`).join('');
      const working = fact.computed ? ` (${escapeMrkdwn(fact.computed.working)})` : '';
      lines.push(
        `• ${escapeMrkdwn(fact.metricLabel)}: *${escapeMrkdwn(formatValue(fact))}*${working}${markers ? ` ${markers}` : ''}`,
      );
    }
  }
  return lines;
}

/** Packs mrkdwn lines into section blocks without splitting a line (a line longer than a block is
 * split by {@link splitText} first). Lines are already escaped, so their length is final. */
function linesToSections(lines: string[], max: number): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') blocks.push(section(current));
    current = line.length <= max ? line : line.slice(0, max);
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}

/**
 * One citation as mrkdwn: number, linked title, publisher, date (marked when inferred), and the
 * verbatim quote. Fits one context element: only a quote longer than a whole element is shortened,
 * visibly, with "…".
 */
export function citationMrkdwn(citation: Citation): string {
  const head =
    `*[${citation.n}]* ${mrkdwnLink(citation.url, citation.title)} — ` +
    `${escapeMrkdwn(citation.publisher)}, ${escapeMrkdwn(publishedLabel(citation))}` +
    (citation.location ? `\n${escapeMrkdwn(citation.location)}` : '');
  const quote = escapeMrkdwn(citation.quote);
  const room = CONTEXT_TEXT_MAX - head.length - '\n“”'.length;
  const shown = quote.length <= room ? quote : `${quote.slice(0, Math.max(0, room - 1)).replace(/&[a-z]*$/, '')}…`;
  return `${head}\n“${shown}”`;
}

/** What a message part holds, kept beside its blocks to build that part's fallback text. */
interface Part {
  blocks: Block[];
  body: string[];
  citations: Citation[];
}

const NO_DATA_TIP = 'Tip: `/force <name>` lists every figure we hold for a force.';

/**
 * Renders an Answer as one or more Slack messages, in posting order. Each message respects
 * {@link SECTION_TEXT_MAX}, {@link CONTEXT_TEXT_MAX} and {@link MESSAGE_BLOCKS_MAX}; long answers are
 * split between blocks, never inside a citation. The share and feedback buttons, when asked for, end
 * the last one.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage[] {
  type Unit = { block: Block; body?: string; citation?: Citation };
  const units: Unit[] = [];

  if (options.sharedBy !== undefined && USER_ID.test(options.sharedBy)) {
    units.push({ block: context(`Shared by <@${options.sharedBy}>`) });
  }
  for (const piece of splitText(answer.text, SECTION_TEXT_MAX)) {
    units.push({ block: section(escapeMrkdwn(piece)), body: piece });
  }
  // A force card's text already lists every figure, grouped: a second list would only repeat it.
  if (answer.facts.length > 0 && answer.type !== 'force_card') {
    const lines = ['*Key figures*', ...figureLines(answer.facts)].flatMap((line) =>
      line.length <= SECTION_TEXT_MAX ? [line] : splitText(line, SECTION_TEXT_MAX),
    );
    for (const block of linesToSections(lines, SECTION_TEXT_MAX)) units.push({ block });
  }
  // Pointing someone who has just used /force at /force would be noise.
  if (answer.status === 'no_data' && answer.type !== 'force_card') {
    units.push({ block: context(escapeMrkdwn(NO_DATA_TIP)) });
  }
  if (answer.citations.length > 0) {
    units.push({ block: { type: 'divider' } });
    for (const citation of answer.citations) {
      units.push({ block: context(citationMrkdwn(citation)), citation });
    }
  }

  const buttons: ButtonElement[] = [
    ...(options.shareValue === undefined
      ? []
      : [
          {
            type: 'button',
            action_id: SHARE_ACTION_ID,
            text: { type: 'plain_text', text: 'Share in channel' },
            value: options.shareValue.slice(0, BUTTON_VALUE_MAX),
            style: 'primary',
          } satisfies ButtonElement,
        ]),
    ...(options.feedbackId === undefined ? [] : feedbackButtons(options.feedbackId)),
  ];
  const actions: ActionsBlock | undefined = buttons.length === 0 ? undefined : { type: 'actions', elements: buttons };

  const parts: Part[] = [];
  let current: Part = { blocks: [], body: [], citations: [] };
  for (const unit of units) {
    if (current.blocks.length === MESSAGE_BLOCKS_MAX) {
      parts.push(current);
      current = { blocks: [], body: [], citations: [] };
    }
    current.blocks.push(unit.block);
    if (unit.body !== undefined) current.body.push(unit.body);
    if (unit.citation !== undefined) current.citations.push(unit.citation);
  }
  if (actions !== undefined) {
    if (current.blocks.length === MESSAGE_BLOCKS_MAX) {
      parts.push(current);
      current = { blocks: [], body: [], citations: [] };
    }
    current.blocks.push(actions);
  }
  parts.push(current);

  return parts.map((part, i) => {
    const body = part.body.length > 0 ? part.body.join('\n\n') : `(continued, ${i + 1} of ${parts.length})`;
    const plain = renderText({ ...answer, blocks: [{ kind: 'paragraph', segments: [{ kind: 'text', text: body }] }], citations: part.citations });
    return { text: fallbackText(plain), blocks: part.blocks };
  });
}

/** Escapes plain text for a message's `text` and keeps it within {@link FALLBACK_TEXT_MAX}. */
export function fallbackText(plain: string): string {
  const escaped = escapeMrkdwn(plain);
  if (escaped.length <= FALLBACK_TEXT_MAX) return escaped;
  const cut = escaped.slice(0, FALLBACK_TEXT_MAX - 2);
  const lineEnd = cut.lastIndexOf('\n');
  return `${lineEnd > 0 ? cut.slice(0, lineEnd) : cut.replace(/&[a-z]*$/, '')}\n…`;
}

/** A short message in our own words (usage, help, errors). Escaped like everything else, since it
 * can carry names from the data and `<name>` placeholders; `*bold*` and backticks still work. */
export function renderNotice(plain: string): SlackMessage {
  return { text: fallbackText(plain), blocks: linesToSections(escapeMrkdwn(plain).split('\n'), SECTION_TEXT_MAX) };
}

/** `/force` with no name: how to use it, and the forces we hold figures for. */
export function renderForceUsage(forceNames: string[]): SlackMessage {
  const intro = 'Usage: `/force <force name>`, for example `/force hampshire`.';
  const held = forceNames.length > 0 ? 'We hold figures for:' : 'We hold no force figures yet.';
  return renderNotice([intro, held, ...forceNames.map((name) => `• ${name}`)].join('\n'));
}

/** `/ask` with no question: how to use it. */
export function renderAskUsage(): SlackMessage {
  const text =
    'Usage: `/ask <question>`, for example ' +
    '`/ask How many misconduct allegations were made against Hampshire police in 2021-22?`';
  return renderNotice(text);
}

/** Something went wrong on our side: said in words, never silently dropped. */
export function renderFailure(): SlackMessage {
  return renderNotice('Sorry, something went wrong while answering that. It has been logged; please try again.');
}
