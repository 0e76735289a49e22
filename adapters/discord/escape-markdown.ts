/**
 * Escaping for Discord's Markdown: the one place that turns text from outside the bot (what a user
 * typed, echoed back by the engine; titles, publishers, quotes and force names from the data) into
 * Markdown that Discord shows literally, and the one place that makes a citation's address safe as
 * the target of a link the bot itself writes. Every Discord renderer path uses these two.
 */

/**
 * Every character Discord's Markdown gives meaning to: `\` (escapes), `*` `_` `~` `` ` `` `|`
 * (emphasis, code, spoilers), `>` (block quotes), `#` and `-` (headings, subtext and lists),
 * `[` `]` `(` `)` (masked links) and `<` (autolinks, `<@id>` mentions, `<t:…>` timestamps, emoji).
 * `#` and `-` only matter at the start of a line, but long text is split across embeds and
 * messages after escaping, and any split can start a new line: escaping them everywhere keeps that
 * safe. Ordered lists (`1. ` at a line start) are left alone: they show the same characters.
 */
const MARKDOWN_SPECIAL = /[\\*_~`|>#\-[\]()<]/g;

/**
 * Text from outside the bot as Markdown that Discord displays exactly as written: a backslash before
 * each special character (Discord shows `\x` as `x` for any punctuation `x`). Backslashes are
 * escaped too, so text that already holds `\*` shows `\*`, not `*`.
 *
 * Apply it once to each piece of outside text, before the bot adds its own markup (`**bold**`, its
 * `> ` quote prefix, its `[Title](url)` citation links), and never to text it has already escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}

/**
 * A citation's address as the target of a link the bot writes, `[Title](target)` or `<target>`:
 * spaces, parentheses and angle brackets would end the target early and a backslash would escape
 * its closing bracket, so they are percent-encoded; the address still leads to the same page.
 */
export function linkTarget(url: string): string {
  return url.replace(/[() <>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Whether an address may become a link at all: only http(s), never `javascript:` or the like. */
export function isLinkable(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * Where text escaped by {@link escapeMarkdown} may be cut without splitting an escape from the
 * character it escapes: `cut` itself, or one less when the text before it ends in an escaping
 * backslash (an odd run of them).
 */
export function escapeSafeCut(text: string, cut: number): number {
  let backslashes = 0;
  while (backslashes < cut && text.charCodeAt(cut - 1 - backslashes) === 0x5c) backslashes += 1;
  return backslashes % 2 === 1 ? cut - 1 : cut;
}
