/**
 * Discord rendering of an Answer: pure functions from the platform-neutral model to embed JSON,
 * split into as many messages as Discord's limits require. No client, no I/O: tested on fixtures.
 *
 * Layout: one answer embed (title, the text with its [n] markers, figures as fields), then
 * "Sources" embeds listing each numbered citation (title linked, publisher, date, the quote).
 * Long answers split between citations, never inside one.
 *
 * Every string of the Answer (and the footer) is plain text, much of it from outside the bot: the
 * engine echoes what the user typed, and titles, publishers, quotes and force names come from the
 * data. Each is escaped once, with `escapeMarkdown`, before the bot's own markup is added around
 * it, so the only links in an answer are the citation links the bot writes.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { type Answer, type Citation, type Fact, type NoDataReason, publishedLabel, renderText, type TextMarkup } from '../../src/index.ts';
import { escapeMarkdown, escapeSafeCut, isLinkable, linkTarget } from './escape-markdown.ts';

// Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
export const EMBED_TITLE_LIMIT = 256;
export const EMBED_DESCRIPTION_LIMIT = 4096;
export const EMBED_FIELDS_LIMIT = 25;
export const EMBED_FIELD_NAME_LIMIT = 256;
export const EMBED_FIELD_VALUE_LIMIT = 1024;
export const EMBED_FOOTER_LIMIT = 2048;
/** Sum of every embed's title, description, field names and values, footer and author in one message. */
export const MESSAGE_EMBED_TOTAL_LIMIT = 6000;
export const MESSAGE_EMBEDS_LIMIT = 10;
export const MESSAGE_CONTENT_LIMIT = 2000;

/** Status colours: blue for an answer, amber for "we don't hold that", grey for a question back. */
export const COLOURS = { answered: 0x2b6cb0, no_data: 0xd69e2e, unclear: 0x718096 } as const;

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
  let open: APIEmbed & { description: string } | undefined;
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

/**
 * The answer as plain message contents of at most 2,000 characters: used where embeds cannot be
 * sent. Same wording as the terminal and Slack's fallback.
 */
export function renderPlainMessages(answer: Answer): string[] {
  return splitText(renderText(answer, { markup: PLAIN_MARKUP }), MESSAGE_CONTENT_LIMIT);
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
  const texts = splitText(escapeMarkdown(answer.text), EMBED_DESCRIPTION_LIMIT);
  const embeds: APIEmbed[] = texts.map((description, i) => ({
    ...(i === 0 ? { title: truncate(titleOf(answer), EMBED_TITLE_LIMIT) } : {}),
    color: colour,
    ...(description === '' ? {} : { description }),
    ...(i === 0 && footer ? { footer: { text: truncate(escapeMarkdown(footer), EMBED_FOOTER_LIMIT) } } : {}),
  }));

  // Figures go on the last text embed while it has room, then on "Figures (continued)" embeds.
  let target = embeds[embeds.length - 1]!;
  for (const field of factFields(answer.facts)) {
    const fields = target.fields ?? [];
    if (fields.length >= EMBED_FIELDS_LIMIT || embedLength(target) + field.name.length + field.value.length > MESSAGE_EMBED_TOTAL_LIMIT) {
      target = { title: 'Figures (continued)', color: colour };
      embeds.push(target);
    }
    target.fields = [...(target.fields ?? []), field];
  }
  return embeds;
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
  if (answer.type === 'force_card' && forceName) return `${escapeMarkdown(forceName)}: every figure we hold`;
  return answer.question.trim() === '' ? 'Forcewatch' : escapeMarkdown(answer.question.trim());
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "1,938", "12.5%", "nearly 400": one decimal place at most, as the engine writes figures. */
export function formatFigure(fact: Pick<Fact, 'value' | 'unit' | 'qualifier'>): string {
  const number = numberFormat.format(fact.value) + (fact.unit === 'percent' ? '%' : '');
  return fact.qualifier ? `${fact.qualifier} ${number}` : number;
}

/** Names short enough sit side by side (Discord shows up to three inline fields a row). */
const INLINE_NAME_LIMIT = 48;

/**
 * One field per figure: "Misconduct allegations · 2021-22" → "**1,938** [1]". The force is named
 * only when the figures span several: otherwise the title and text already say which.
 */
function factFields(facts: readonly Fact[]): APIEmbedField[] {
  const severalForces = new Set(facts.map((f) => f.forceName)).size > 1;
  const named = facts.map((fact) => {
    const parts = [...(severalForces ? [fact.forceName] : []), fact.metricLabel, fact.period];
    const name = truncate(escapeMarkdown(capitalise(parts.join(' · '))), EMBED_FIELD_NAME_LIMIT);
    const proof = fact.computed
      ? `computed: ${escapeMarkdown(fact.computed.working)}`
      : fact.citations.map((n) => `[${n}]`).join('');
    const value = truncate(`**${escapeMarkdown(formatFigure(fact))}**${proof ? ` ${proof}` : ''}`, EMBED_FIELD_VALUE_LIMIT);
    return { name, value };
  });
  const inline = named.every((field) => field.name.length <= INLINE_NAME_LIMIT);
  return named.map((field) => ({ ...field, inline }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- citations ----------------------------------------------------------------------------------

/**
 * "**[1]** [Title](url)\nPublisher · 18 January 2023 · news report\nTable 27, row …\n> the quote",
 * within one embed description. The location line appears for table figures only.
 */
function citationBlock(citation: Citation): string {
  const title = escapeMarkdown(citation.title);
  const link = isLinkable(citation.url) ? `[${title}](${linkTarget(citation.url)})` : title;
  const about = [citation.publisher, publishedLabel(citation), citation.sourceType].filter((part) => part.trim() !== '');
  const location = citation.location ? `${escapeMarkdown(citation.location)}\n` : '';
  const head = `**[${citation.n}]** ${link}\n${escapeMarkdown(about.join(' · '))}\n${location}`;
  // Every line of the quote is block-quoted; a quote too long for one embed is the only thing cut.
  const quote = `> ${escapeMarkdown(citation.quote).replace(/\n/g, '\n> ')}`;
  return head + truncate(quote, Math.max(EMBED_DESCRIPTION_LIMIT - head.length, 0));
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
