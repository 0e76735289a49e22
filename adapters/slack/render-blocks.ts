/**
 * Pure rendering of an engine Answer as Slack messages (Block Kit plus the plain `text` fallback),
 * block by block of the answer's body, its citations through the shared formatting module. No SDK
 * here: the output is JSON that chat.postMessage, chat.postEphemeral and response_url accept, typed
 * by `@slack/types`. Slack's limits are named constants; an answer too big for one message becomes
 * several, split between blocks so a citation is never cut in two.
 */
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import {
  type Answer,
  blockText,
  type Citation,
  citationParts,
  citationText,
  clipped,
  type CommandSyntax,
  FAILURE_TEXT,
  restOf,
  type TextMarkup,
} from '../../src/index.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';
import { feedbackButtons } from './feedback/controls.ts';
import { fallbackText, splitText } from './split-text.ts';

/** Characters in one section block's text. */
export const SECTION_TEXT_MAX = 3000;
/** Characters in one text element of a context block. */
export const CONTEXT_TEXT_MAX = 3000;
/** Blocks in one message. */
export const MESSAGE_BLOCKS_MAX = 50;
/** Characters in a button's `value`. */
export const BUTTON_VALUE_MAX = 2000;
/** Characters in a button's label. */
export const BUTTON_LABEL_MAX = 75;

export const SHARE_ACTION_ID = 'forcewatch_share';
/** The button under a force card's summary that gives every figure of the card. */
export const MORE_ACTION_ID = 'forcewatch_more';
export const MORE_LABEL = 'Every figure';

export const FORCE_COMMAND = '/force';
export const ASK_COMMAND = '/ask';

/** How Slack's answers name a force card (the slash command) and the rest of one (the button). */
export const SLACK_SYNTAX: CommandSyntax = {
  forceCard: (forceName) => `${FORCE_COMMAND} ${forceName}`,
  fullCard: () => `the “${MORE_LABEL}” button below`,
};

/** Outside text escaped; a citation's title linked to its address (so no address line). */
const MARKUP: TextMarkup = { text: escapeMrkdwn, link: (url) => mrkdwnLink(url, url), titleLink: (title, url) => mrkdwnLink(url, title) };
/** Citation lines longer than one element can hold: each piece of outside text cut to this first. */
const CLIPPED_PIECE = 120;
const CLIPPED = clipped(MARKUP, CLIPPED_PIECE);

/** One message to post: blocks plus the `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
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

/**
 * One citation as mrkdwn: number, linked title, publisher and date (marked when inferred), kind and
 * trust, place in a table, and the verbatim quotes. Fits one context element: only quotes longer than
 * the room left are shortened, visibly, with "…".
 */
export function citationMrkdwn(citation: Citation): string {
  const headOf = (markup: TextMarkup) => {
    const p = citationParts(citation, markup);
    return { head: [`*${p.marker}* ${p.source}`, p.trust, ...(p.location ? [p.location] : [])].join('\n'), quotes: p.quotes.join('\n') };
  };
  const full = headOf(MARKUP);
  // Only hostile or broken data has a head this long; its pieces are cut so the address still shows.
  const { head, quotes } = full.head.length <= CONTEXT_TEXT_MAX / 2 ? full : headOf(CLIPPED);
  const room = CONTEXT_TEXT_MAX - head.length - 1;
  const shown = quotes.length <= room ? quotes : `${quotes.slice(0, Math.max(0, room - 2)).replace(/&[a-z]*$/, '')}…”`;
  return `${head}\n${shown}`;
}

/** The button value that asks for a force's full card, or undefined when it would not fit. */
export function moreValue(force: string): string | undefined {
  const value = JSON.stringify({ f: force });
  return value.length <= BUTTON_VALUE_MAX ? value : undefined;
}

/** A message's worth of blocks, and what they say in plain text for its fallback. */
interface Part {
  blocks: KnownBlock[];
  body: string[];
  citations: Citation[];
}

/** A block of a message, with the plain text it shows (body) or the citation it is. */
interface Unit {
  block: KnownBlock;
  body?: string;
  citation?: Citation;
}

/** The answer's body as blocks: consecutive text packed into sections, each note its own context. */
function bodyUnits(answer: Answer): Unit[] {
  const units: Unit[] = [];
  let pending: string[] = [];
  const flush = () => {
    for (const piece of splitText(pending.join('\n'), SECTION_TEXT_MAX)) units.push({ block: section(escapeMrkdwn(piece)), body: piece });
    pending = [];
  };
  for (const block of answer.blocks) {
    const plain = blockText(block, SLACK_SYNTAX);
    if (plain === '') continue;
    if (block.kind !== 'note') {
      pending.push(plain);
      continue;
    }
    flush();
    for (const piece of splitText(plain, CONTEXT_TEXT_MAX)) units.push({ block: context(escapeMrkdwn(piece)), body: piece });
  }
  flush();
  return units;
}

/** The buttons that end an answer: Share, every figure of a summarised card, then feedback. */
function buttonsOf(answer: Answer, options: RenderOptions): ActionsBlock | undefined {
  const rest = restOf(answer.blocks);
  const more = rest === undefined ? undefined : moreValue(rest.force);
  const buttons: Button[] = [
    ...(options.shareValue === undefined
      ? []
      : [
          {
            type: 'button',
            action_id: SHARE_ACTION_ID,
            text: { type: 'plain_text', text: 'Share in channel' },
            value: options.shareValue.slice(0, BUTTON_VALUE_MAX),
            style: 'primary',
          } satisfies Button,
        ]),
    ...(more === undefined
      ? []
      : [{ type: 'button', action_id: MORE_ACTION_ID, text: { type: 'plain_text', text: MORE_LABEL }, value: more } satisfies Button]),
    ...(options.feedbackId === undefined ? [] : feedbackButtons(options.feedbackId)),
  ];
  return buttons.length === 0 ? undefined : { type: 'actions', elements: buttons };
}

/**
 * Renders an Answer as one or more Slack messages, in posting order. Each message respects
 * {@link SECTION_TEXT_MAX}, {@link CONTEXT_TEXT_MAX} and {@link MESSAGE_BLOCKS_MAX}; long answers are
 * split between blocks, never inside a citation. The buttons (Share, the rest of a force card,
 * feedback) end the last one.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage[] {
  const units: Unit[] = [];
  if (options.sharedBy !== undefined && USER_ID.test(options.sharedBy)) {
    units.push({ block: context(`Shared by <@${options.sharedBy}>`) });
  }
  units.push(...bodyUnits(answer));
  if (answer.citations.length > 0) {
    units.push({ block: { type: 'divider' } });
    for (const citation of answer.citations) units.push({ block: context(citationMrkdwn(citation)), citation });
  }
  const actions = buttonsOf(answer, options);
  if (actions !== undefined) units.push({ block: actions });

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
  parts.push(current);

  return parts.map((part, i) => {
    const body = part.body.length > 0 ? part.body.join('\n') : `(continued, ${i + 1} of ${parts.length})`;
    const sources = part.citations.length > 0 ? `\n\nSources:\n${part.citations.map((c) => citationText(c)).join('\n')}` : '';
    return { text: fallbackText(body + sources), blocks: part.blocks };
  });
}

/** A short message in our own words (feedback thanks, limits, errors). Escaped like everything
 * else, since it can carry names from the data; `*bold*` and backticks still work. */
export function renderNotice(plain: string): SlackMessage {
  return { text: fallbackText(plain), blocks: splitText(plain, SECTION_TEXT_MAX).map((piece) => section(escapeMrkdwn(piece))) };
}

/** Something went wrong on our side: said in the engine's words, never silently dropped. */
export function renderFailure(): SlackMessage {
  return renderNotice(FAILURE_TEXT);
}
