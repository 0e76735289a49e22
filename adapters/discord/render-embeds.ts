/**
 * Discord rendering of an Answer: pure functions from the platform-neutral model to embed JSON,
 * split into as many messages as Discord's limits require. No client, no I/O: tested on fixtures.
 *
 * Layout: one answer embed (title, then the answer's blocks as text with their [n] markers: the
 * figures are in the text, formatted once by the engine), then "Sources" embeds listing each
 * numbered citation through the shared formatting module (title linked, publisher, date, kind and
 * trust, place in a table, the quotes). Long answers split between citations, never inside one.
 *
 * Every string of the Answer (and the footer) is plain text, much of it from outside the bot: the
 * engine echoes what the user typed, and titles, publishers, quotes and force names come from the
 * data. Each is escaped once, with `escapeMarkdown`, before the bot's own markup is added around
 * it, so the only links in an answer are the citation links the bot writes.
 */
import type { APIEmbed } from 'discord.js';
import {
  type Answer,
  bodyText,
  type Citation,
  citationParts,
  clipped,
  type CommandSyntax,
  type NoDataReason,
  renderText,
  restOf,
  type TextMarkup,
} from '../../src/index.ts';
import { FORCE_COMMAND, NAME_OPTION } from './commands.ts';
import { escapeMarkdown, escapeSafeCut, isLinkable, linkTarget } from './escape-markdown.ts';

// Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
export const EMBED_TITLE_LIMIT = 256;
export const EMBED_DESCRIPTION_LIMIT = 4096;
export const EMBED_FOOTER_LIMIT = 2048;
/** Sum of every embed's title, description, field names and values, footer and author in one message. */
export const MESSAGE_EMBED_TOTAL_LIMIT = 6000;
export const MESSAGE_EMBEDS_LIMIT = 10;
export const MESSAGE_CONTENT_LIMIT = 2000;

/** Status colours: blue for an answer, amber for "we don't hold that", grey for a question back. */
export const COLOURS = { answered: 0x2b6cb0, no_data: 0xd69e2e, unclear: 0x718096 } as const;

/** The label of the button under a force card's summary that gives every figure of the card. */
export const MORE_LABEL = 'Every figure';

/** How Discord's answers name a force card (the registered command, with its option) and the rest
 * of one (the button). */
export const DISCORD_SYNTAX: CommandSyntax = {
  forceCard: (forceName) => `/${FORCE_COMMAND} ${NAME_OPTION}:${forceName}`,
  fullCard: () => `the “${MORE_LABEL}” button below`,
};

/** One Discord message's worth of embeds. */
export interface EmbedMessage {
  embeds: APIEmbed[];
}

export interface RenderOptions {
  /** Footer on the answer embed, e.g. how to ask a follow-up; omitted when absent. */
  footer?: string;
}

const ELLIPSIS = '…';
const SOURCE_SEPARATOR = '\n\n';

/**
 * Renders an answer as Discord messages of embeds, each message within every Discord limit.
 * Usually one message; a long force card spills its later sources into further messages.
 */
export function renderEmbeds(answer: Answer, options: RenderOptions = {}): EmbedMessage[] {
  const colour = COLOURS[answer.status];
  const packer = new MessagePacker();
  for (const embed of answerEmbeds(answer, colour, options.footer)) packer.add(embed);

  // Citations fill the open "Sources" embed while it and the message have room, then a new one.
  let open: (APIEmbed & { description: string }) | undefined;
  for (const block of answer.citations.map(citationBlock)) {
    const extra = SOURCE_SEPARATOR.length + block.length;
    if (open && open.description.length + extra <= EMBED_DESCRIPTION_LIMIT && packer.fits(extra)) {
      open.description += SOURCE_SEPARATOR + block;
      packer.grow(extra);
    } else {
      open = { title: open ? 'Sources (continued)' : 'Sources', color: colour, description: block };
      packer.add(open);
    }
  }
  return packer.messages.map((embeds) => ({ embeds }));
}

/** Message content renders Markdown too: outside text is escaped, and each address is written as
 * `<address>`, a link that shows its own target (and asks Discord for no preview). */
const PLAIN_MARKUP: TextMarkup = {
  text: escapeMarkdown,
  link: (url) => (isLinkable(url) ? `<${linkTarget(url)}>` : escapeMarkdown(url)),
};

/** In an embed, a citation's title is the link to its address: `[Title](address)`. */
const EMBED_MARKUP: TextMarkup = {
  ...PLAIN_MARKUP,
  titleLink: (title, url) => (isLinkable(url) ? `[${escapeMarkdown(title)}](${linkTarget(url)})` : escapeMarkdown(title)),
};
/** A citation's head longer than half an embed: each piece of outside text cut to this first. */
const CLIPPED_PIECE = 300;

/**
 * The answer as plain message contents of at most 2,000 characters: used where embeds cannot be
 * sent. Same wording as the terminal and Slack's fallback.
 */
export function renderPlainMessages(answer: Answer): string[] {
  return splitText(renderText(answer, { markup: PLAIN_MARKUP, syntax: DISCORD_SYNTAX }), MESSAGE_CONTENT_LIMIT);
}

/** Everything Discord counts towards an embed's 6,000-character share of a message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Splits text into chunks of at most `limit` characters, preferring paragraph, line, sentence
 * and word breaks, so a long answer reads naturally across embeds or messages. Never splits a
 * Markdown escape or a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const cut = lastBreak(window, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Shortens text to `limit` characters, ending with an ellipsis when it had to cut (never inside
 * a Markdown escape or a surrogate pair). */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return text.slice(0, safeCut(text, limit - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}

// --- the answer embed ---------------------------------------------------------------------------

function answerEmbeds(answer: Answer, colour: number, footer: string | undefined): APIEmbed[] {
  const texts = splitText(escapeMarkdown(bodyText(answer.blocks, DISCORD_SYNTAX)), EMBED_DESCRIPTION_LIMIT);
  return texts.map((description, i) => ({
    ...(i === 0 ? { title: truncate(titleOf(answer), EMBED_TITLE_LIMIT) } : {}),
    color: colour,
    ...(description === '' ? {} : { description }),
    ...(i === 0 && footer ? { footer: { text: truncate(escapeMarkdown(footer), EMBED_FOOTER_LIMIT) } } : {}),
  }));
}

/** The bot's own words, so they need no escaping: no Markdown in them. */
const NO_DATA_TITLES: Record<NoDataReason, string> = {
  unknown_force: "I don't recognise that force",
  force_not_held: 'No figures held for that force',
  period_not_held: 'No figures held for that period',
  metric_not_held: "That isn't a figure we hold",
  off_topic: 'Outside what Forcewatch covers',
  empty: 'What would you like to know?',
  not_understood: "I couldn't read that question",
  not_available: "That isn't available yet",
};

/** The title as Markdown: a force name or the user's own question is escaped. */
function titleOf(answer: Answer): string {
  if (answer.status === 'unclear') return 'Which did you mean?';
  if (answer.status === 'no_data') return answer.reason ? NO_DATA_TITLES[answer.reason] : 'No figures held for that';
  const forceName = answer.facts[0]?.forceName;
  if (answer.type === 'force_card' && forceName)
    return `${escapeMarkdown(forceName)}: ${restOf(answer.blocks) ? 'the newest figures' : 'every figure we hold'}`;
  return answer.question.trim() === '' ? 'Forcewatch' : escapeMarkdown(answer.question.trim());
}

// --- citations ----------------------------------------------------------------------------------

/**
 * "**[1]** [Title](url) — Publisher, 18 January 2023\nKind: trust.\nTable 27, row …\n> “the quote”",
 * within one embed description. The location line appears for table figures only.
 */
function citationBlock(citation: Citation): string {
  const headOf = (markup: TextMarkup) => {
    const p = citationParts(citation, markup);
    return { head: [`**${p.marker}** ${p.source}`, p.trust, ...(p.location ? [p.location] : [])].join('\n'), quotes: p.quotes };
  };
  const full = headOf(EMBED_MARKUP);
  // Only hostile or broken data has a head this long; its pieces are cut so the link still shows.
  const { head, quotes } = full.head.length <= EMBED_DESCRIPTION_LIMIT / 2 ? full : headOf(clipped(EMBED_MARKUP, CLIPPED_PIECE));
  // Every line of every quote is block-quoted; quotes too long for one embed are the only thing cut.
  const quoted = quotes.map((q) => `> ${q.replace(/\n/g, '\n> ')}`).join('\n');
  return `${head}\n${truncate(quoted, Math.max(EMBED_DESCRIPTION_LIMIT - head.length - 1, 0))}`;
}

// --- packing ------------------------------------------------------------------------------------

/** Fills messages with embeds in order, opening a new message when one would break a limit. */
class MessagePacker {
  readonly messages: APIEmbed[][] = [[]];
  private total = 0;

  /** Whether `extra` characters still fit in the current message. */
  fits(extra: number): boolean {
    return this.total + extra <= MESSAGE_EMBED_TOTAL_LIMIT;
  }

  grow(extra: number): void {
    this.total += extra;
  }

  add(embed: APIEmbed): void {
    const length = embedLength(embed);
    const current = this.messages[this.messages.length - 1]!;
    if (current.length >= MESSAGE_EMBEDS_LIMIT || (current.length > 0 && !this.fits(length))) {
      this.messages.push([embed]);
      this.total = length;
    } else {
      current.push(embed);
      this.total += length;
    }
  }
}

function lastBreak(window: string, limit: number): number {
  const floor = Math.floor(limit / 2); // never make a chunk shorter than half the limit to find a nicer break
  for (const pattern of [/\n\n/g, /\n/g, /[.!?]["”’)]?\s/g, /\s/g]) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (end <= limit && match.index >= floor) best = end;
    }
    if (best > 0) return best;
  }
  return safeCut(window, limit);
}

/** `cut`, moved back so that it splits neither a surrogate pair nor a Markdown escape. */
function safeCut(text: string, cut: number): number {
  const code = text.charCodeAt(cut - 1);
  return escapeSafeCut(text, code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut);
}
