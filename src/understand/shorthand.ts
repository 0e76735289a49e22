/**
 * The shorthand book: words people type for words the catalogue and phrase book spell out ("avg",
 * "sch", "discrim"), read from `data/shorthand.jsonl`, each written out before a question is read.
 */
import type { ShorthandEntry } from '../model/data.ts';

export class Shorthand {
  private readonly full: ReadonlyMap<string, string>;
  private readonly pattern: RegExp | undefined;

  constructor(entries: readonly ShorthandEntry[]) {
    this.full = new Map(entries.map((e) => [e.short, e.full]));
    // A stop after shorthand ("avg.") goes with it, but not one joining it to what follows ("sch.3").
    this.pattern = entries.length > 0 ? new RegExp(`\\b(${[...this.full.keys()].join('|')})\\b(?:\\.(?=\\s|$))?`, 'gi') : undefined;
  }

  /** `text` with each shorthand word written out. */
  expand(text: string): string {
    return this.pattern === undefined ? text : text.replace(this.pattern, (w) => this.full.get(w.replace(/\.$/, '').toLowerCase()) ?? w);
  }
}
