/**
 * A doubled letter typed once ("comon", "recomendations", "oficers"), three times ("barrred") or on
 * the wrong letter ("reffered"), another letter left out ("polce"), two swapped ("polcie") or, in long
 * words, one typed for another ("percantage"): the commonest slips of fast typing, read as the known
 * word before the question is read at all, so the phrase book, the catalogue and the check for unknown
 * words all see the word meant. Other typos are read where measures and outcomes are matched
 * (src/understand/metrics.ts).
 */

/** The shortest word respelt: shorter ones are too often real words of their own. */
const SHORTEST = 5;
/** The shortest word read with one letter typed for another ("percantage"): shorter ones too often spell another word. */
const SUBSTITUTED = 8;
/** The shortest word read with the wrong letter doubled. */
const WRONGLY_DOUBLED = 7;

/** `text` with each word that is not a known word, but is one with a doubled letter mistyped, written as that word. */
export function respelt(text: string, doubled: ReadonlySet<string>, known: (word: string) => boolean): string {
  return text.replace(/[A-Za-z]+/g, (typed) => {
    const word = typed.toLowerCase();
    if (word.length < SHORTEST || known(word)) return typed;
    for (let i = 0; i < word.length; i++) {
      const candidate = `${word.slice(0, i + 1)}${word.slice(i)}`;
      if (doubled.has(candidate)) return candidate;
    }
    for (let i = 1; i < word.length; i++) {
      if (word[i] !== word[i - 1]) continue;
      const single = `${word.slice(0, i)}${word.slice(i + 1)}`;
      // "barrred": the letter typed three times.
      if (i >= 2 && word[i] === word[i - 2] && doubled.has(single)) return single;
      // "reffered": the wrong letter doubled, read in longer words only.
      if (word.length < WRONGLY_DOUBLED) continue;
      for (let k = 0; k < single.length; k++) {
        const candidate = `${single.slice(0, k + 1)}${single.slice(k)}`;
        if (candidate !== word && doubled.has(candidate)) return candidate;
      }
    }
    return dropped(word, known) ?? swapped(word, known) ?? (word.length >= SUBSTITUTED ? substituted(word, known) : undefined) ?? typed;
  });
}

/** "polcie", "complaitns": the one known word the typed word is with two neighbouring letters swapped back, if just one is. */
function swapped(word: string, known: (word: string) => boolean): string | undefined {
  const found = new Set<string>();
  for (let i = 1; i < word.length; i++) {
    const candidate = `${word.slice(0, i - 1)}${word[i]}${word[i - 1]}${word.slice(i + 1)}`;
    if (candidate !== word && known(candidate)) found.add(candidate);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** "polce", "avrage": the one known word the typed word is with a letter put back, if just one is. */
function dropped(word: string, known: (word: string) => boolean): string | undefined {
  const found = new Set<string>();
  for (let i = 0; i <= word.length; i++)
    for (const letter of LETTERS) {
      const candidate = `${word.slice(0, i)}${letter}${word.slice(i)}`;
      if (known(candidate)) found.add(candidate);
    }
  return found.size === 1 ? [...found][0] : undefined;
}

/** "percantage", "complaimts": the one known word the typed word is with one letter typed for another, if just one is. */
function substituted(word: string, known: (word: string) => boolean): string | undefined {
  const found = new Set<string>();
  for (let i = 0; i < word.length; i++)
    for (const letter of LETTERS) {
      if (letter === word[i]) continue;
      const candidate = `${word.slice(0, i)}${letter}${word.slice(i + 1)}`;
      if (known(candidate)) found.add(candidate);
    }
  return found.size === 1 ? [...found][0] : undefined;
}
