/**
 * The tiers of one scope of the passage index: each a minisearch index of a run of passages in data
 * order, with the number of its passages holding each term. The first is finished at start-up; the
 * others are built a batch at a time in the background, or loaded from a saved index, when a search
 * or the background work first needs them.
 */
import type MiniSearch from 'minisearch';
import type { Passage } from './passages.ts';
import type { SavedTier } from './saved-tier.ts';
import { countTerms, type TermCounts } from './term-counts.ts';

/** Passages in a scope's first tier; each later tier holds twice as many as the one before. */
export const FIRST_TIER_PASSAGES = 2_048;

/** A finished tier. */
export interface Tier {
  index: MiniSearch<Passage>;
  counts: TermCounts;
}

/** How a tier's index is made and its terms read: the passage index's one set of options. */
export interface TierMaker {
  create(): MiniSearch<Passage>;
  /** Called once on each tier built here, when its last passage is added (it is never added to again). */
  finish(index: MiniSearch<Passage>): void;
  save(index: MiniSearch<Passage>): SavedTier;
  load(saved: SavedTier): Tier;
  processTerm(word: string): string | null;
}

/** A tier being built: what it holds so far, its passages, and how many of them are added. */
interface Building {
  tier: Tier;
  passages: Passage[];
  added: number;
}

/** A finished tier; or one being built; or how to load it from a saved index. */
type Slot = Tier | Building | (() => Tier);

/** Passages added to a tier per step of background work. */
const BACKGROUND_BATCH = 256;

/** One scope's tiers, in data order. */
export class Tiers {
  private constructor(
    private readonly slots: Slot[],
    private readonly maker: TierMaker,
  ) {
    if (slots.length > 0) this.get(0);
  }

  /** Tiers of these documents' passages, in order, the first built now. A new tier starts at a
   * document boundary once the last is full. */
  static build(documents: Iterable<Passage[]>, maker: TierMaker): Tiers {
    const runs: Passage[][] = [];
    for (const passages of documents) {
      const last = runs.at(-1);
      if (last === undefined || last.length >= FIRST_TIER_PASSAGES * 2 ** (runs.length - 1)) runs.push([...passages]);
      else last.push(...passages);
    }
    return new Tiers(
      runs.map((passages) => ({ tier: { index: maker.create(), counts: new Map() }, passages, added: 0 })),
      maker,
    );
  }

  /** Tiers saved by {@link Tiers.toJSON}, read by these functions, the first loaded now. */
  static saved(readers: Array<() => SavedTier>, maker: TierMaker): Tiers {
    return new Tiers(
      readers.map((read) => () => maker.load(read())),
      maker,
    );
  }

  get length(): number {
    return this.slots.length;
  }

  /**
   * Passages in the tiers after tier `i`: exact for tiers built or loaded, and for a saved tier not
   * yet loaded the size tiers are cut to (which the last, partly filled tier may not reach).
   */
  passagesAfter(i: number): number {
    let passages = 0;
    for (let j = i + 1; j < this.slots.length; j++) {
      const slot = this.slots[j];
      if (typeof slot === 'function') passages += FIRST_TIER_PASSAGES * 2 ** j;
      else if (slot !== undefined) passages += 'passages' in slot ? slot.passages.length : slot.index.documentCount;
    }
    return passages;
  }

  /** Tier `i`, finished (built or loaded) first if it is not yet. */
  get(i: number): Tier {
    const slot = this.slots[i];
    if (slot === undefined) throw new RangeError(`engine: no passage tier ${i}`);
    if (typeof slot === 'function') {
      const tier = slot();
      this.slots[i] = tier;
      return tier;
    }
    if (!('passages' in slot)) return slot;
    this.add(slot, slot.passages.length);
    this.maker.finish(slot.tier.index);
    this.slots[i] = slot.tier;
    return slot.tier;
  }

  /** One step of background work (a batch of passages, or one saved tier); false once all are finished. */
  step(): boolean {
    const i = this.slots.findIndex((s) => typeof s === 'function' || 'passages' in s);
    const slot = this.slots[i];
    if (slot === undefined) return false;
    if (typeof slot !== 'function' && 'passages' in slot && slot.passages.length - slot.added > BACKGROUND_BATCH) this.add(slot, slot.added + BACKGROUND_BATCH);
    else this.get(i);
    return true;
  }

  /** Each tier in its saved form. */
  toJSON(): SavedTier[] {
    return this.slots.map((_, i) => this.maker.save(this.get(i).index));
  }

  /** Adds a building tier's passages up to position `end`. */
  private add(slot: Building, end: number): void {
    // Read by position: removing each batch from the front would move the rest every turn.
    const batch = slot.passages.slice(slot.added, end);
    slot.tier.index.addAll(batch);
    countTerms(
      slot.tier.counts,
      batch.map((p) => p.text),
      this.maker.processTerm,
    );
    slot.added = end;
  }
}
