/**
 * A doubled letter typed once ("comon", "recomendations", "oficers") or three times ("barrred"): the
 * commonest slips of fast typing, read as the known word before the question is matched, as the
 * phrase book matches words exactly. Other typos are read where measures and outcomes are matched
 * (src/understand/metrics.ts).
 */

/** The shortest word respelt: shorter ones are too often real words of their own. */
const SHORTEST = 5;

/** `text` with each word that is not a known word, but is one with a doubled letter typed once or thrice, written as that word. */
export function respelt(text: string, doubled: ReadonlySet<string>, known: (word: string) => boolean): string {
  return text.replace(/[A-Za-z]+/g, (typed) => {
    const word = typed.toLowerCase();
    if (word.length < SHORTEST || known(word)) return typed;
    for (let i = 0; i < word.length; i++) {
      const candidate = `${word.slice(0, i + 1)}${word.slice(i)}`;
      if (doubled.has(candidate)) return candidate;
    }
    for (let i = 2; i < word.length; i++) {
      if (word[i] !== word[i - 1] || word[i] !== word[i - 2]) continue;
      const candidate = `${word.slice(0, i)}${word.slice(i + 1)}`;
      if (doubled.has(candidate)) return candidate;
    }
    return typed;
  });
}
