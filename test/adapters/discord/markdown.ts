/**
 * Reading Discord Markdown the way Discord shows it, for tests: the text a reader sees once
 * escapes are removed, and the links Discord would make of it.
 */

/** Discord's (simple-markdown's) escape rule: a backslash before any character that is not a
 * letter, a digit or white space shows that character alone. */
const ESCAPE = /\\([^0-9A-Za-z\s])/g;

/** The text as Discord displays it: every escape removed, once. */
export function displayed(markdown: string): string {
  return markdown.replace(ESCAPE, '$1');
}

/**
 * The target of every link Discord would make of `markdown`: each masked link `[text](target)`
 * (however its text is bracketed and whatever space or `<…>` wraps its target) and each `<scheme:…>`
 * autolink. Escaped characters are blanked out first, since Discord shows them literally. Any
 * unescaped `](` counts as a masked link, which errs on the side of finding one.
 */
export function linkTargets(markdown: string): string[] {
  const live = markdown.replace(ESCAPE, '\u0000\u0000');
  const masked = [...live.matchAll(/\]\s*\(\s*<?([^\s)>]*)/g)].map((m) => m[1]!);
  const auto = [...live.matchAll(/<([a-z][a-z\d+.-]*:[^\s>]*)>/gi)].map((m) => m[1]!);
  return [...masked, ...auto];
}
