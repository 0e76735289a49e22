/**
 * Escaping for Slack's mrkdwn. Slack turns `<…>` into mentions (`<!channel>`, `<@U123>`) and links
 * (`<https://evil|looks fine>`), so any text that came from a user or from the data must have
 * `&`, `<` and `>` escaped before it goes into a mrkdwn field or a message's `text`.
 */

/** Escapes the three characters Slack's mrkdwn gives meaning to; everything else is left alone
 * (Slack asks that the rest of the text is not HTML-escaped). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A mrkdwn link `<url|label>` with the label escaped. Only http(s) addresses become links: anything
 * else (a `javascript:` URL, a malformed address) is shown as the escaped label alone.
 */
export function mrkdwnLink(url: string, label: string): string {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return escapeMrkdwn(label);
    href = parsed.href;
  } catch {
    return escapeMrkdwn(label);
  }
  // The URL parser already percent-encodes spaces, `<` and `>`; `|` would end the address early
  // and `&` must be escaped like everywhere else in mrkdwn.
  const safeHref = href.replace(/\|/g, '%7C').replace(/&/g, '&amp;');
  return `<${safeHref}|${escapeMrkdwn(label)}>`;
}
