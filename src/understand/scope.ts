/**
 * Whom a question is about: the forces and places it names, England and Wales, every force (less
 * any left out), a region's forces, or, for a follow-up naming none of these, the previous
 * question's forces. A place the resolver cannot name is never replaced by the previous force.
 */
import type { Frame } from '../model/answer.ts';
import type { Intent, Scope } from '../model/frame.ts';
import { NATIONAL, type ForceMention } from './forces.ts';

/** What the readers found about places, for deciding the scope. */
export interface ScopeReading {
  mentioned: ForceMention;
  /** Places named, less those left out. */
  places: string[];
  /** Forces left out ("apart from the Met"). */
  excluded: string[];
  /** "across all forces", "every force". */
  everyForce: boolean;
  /** Compared with England and Wales or the average force. */
  target?: 'national' | 'average' | undefined;
}

/**
 * The scope of a question of `intent`. `carryFrom` is the previous exchange's frame where a
 * follow-up may lean on it: its forces stand only when this question names no place at all.
 */
export function scopeOf(r: ScopeReading, intent: Intent, carryFrom?: Frame): Scope {
  const { mentioned, places, excluded } = r;
  const ordered = intent === 'rank' || intent === 'count';
  // "Each of the Welsh forces, set against the England and Wales average": England and Wales is the
  // bar, the region's forces the places asked.
  const region = mentioned.ambiguous?.region;
  if (places.length === 1 && places[0] === NATIONAL && r.target !== undefined && region !== undefined && mentioned.ambiguous) {
    const forces = mentioned.ambiguous.candidates.filter((f) => !excluded.includes(f));
    return { kind: 'region', region, forces, except: excluded };
  }
  // "Welsh forces ranked …? Wrexham group wants to know where we sit": a ranking of a region whose
  // every place named is among its forces ranks the region, those places in it.
  const group = mentioned.ambiguous;
  if (ordered && region !== undefined && group && places.length > 0 && places.every((f) => group.candidates.includes(f)))
    return { kind: 'region', region, forces: group.candidates.filter((f) => !excluded.includes(f)), except: excluded };
  const outside = (): Scope | undefined => {
    if (!mentioned.outOfScope) return undefined;
    const { id, name, jurisdiction, notAForce } = mentioned.outOfScope.force;
    return { kind: 'outside', place: mentioned.outOfScope.place, force: { id, name, jurisdiction, ...(notAForce === undefined ? {} : { notAForce }) } };
  };
  // "PSNI complaints, for comparison with England and Wales": the place outside is what is asked;
  // England and Wales is only what it would be set against.
  if (places.length === 1 && places[0] === NATIONAL) return (r.target !== undefined ? outside() : undefined) ?? { kind: 'national' };
  // "Did Police Scotland log more than the Met?": a place outside named beside ours is what the answer
  // must first say; no figure of it can be given or set beside theirs.
  const besideOurs = places.length > 0 && r.target === undefined ? outside() : undefined;
  if (besideOurs) return besideOurs;
  // "A bigger share in London than in Manchester?": a place several forces share, named beside a
  // force, is asked about too; answering for the other alone would answer another question.
  const shared = mentioned.ambiguous;
  if (shared && shared.region === undefined && !ordered && !shared.candidates.some((f) => excluded.includes(f) || places.includes(f)))
    return { kind: 'ambiguous', word: shared.word, candidates: shared.candidates };
  if (places.length > 0) return { kind: 'forces', forces: places, carried: false, places: mentioned.places ?? [] };
  // "Swansea rather than South Wales Police as a whole": the town is asked, its force set aside.
  const towns = mentioned.places ?? [];
  if (towns.length > 0 && towns.every((p) => excluded.includes(p.force)))
    return { kind: 'forces', forces: [...new Set(towns.map((p) => p.force))], carried: false, places: towns };
  const beyond = outside();
  if (beyond) return beyond;
  if (mentioned.unknown !== undefined) return { kind: 'unknown', name: mentioned.unknown };
  // "Not counting London": a word several forces share, left out, is no scope of its own.
  if (mentioned.ambiguous && !mentioned.ambiguous.candidates.every((f) => excluded.includes(f))) {
    const { word, candidates, region } = mentioned.ambiguous;
    // "The Welsh forces", or "which Yorkshire force…": the group is the scope.
    if (region !== undefined || ordered)
      return { kind: 'region', region: region ?? word, forces: candidates.filter((f) => !excluded.includes(f)), except: excluded };
    return { kind: 'ambiguous', word, candidates };
  }
  // "Mean per force, not the England and Wales total": England and Wales set aside is no force left out.
  if (r.everyForce || ordered) return { kind: 'every-force', except: excluded.filter((f) => f !== NATIONAL) };
  if (carryFrom && carryFrom.forces.length > 0) return { kind: 'forces', forces: carryFrom.forces, carried: true, places: [] };
  return { kind: 'unnamed' };
}

/** The places a figure answer is for: the forces named or carried, or a region's (with England and
 * Wales when compared with it), England and Wales for a national question, none when unnamed. */
export function placesOf(scope: Scope, target?: 'national' | 'average'): string[] {
  switch (scope.kind) {
    case 'forces':
      return target !== undefined && !scope.forces.includes(NATIONAL) ? [...scope.forces, NATIONAL] : scope.forces;
    case 'region':
      return target !== undefined ? [...scope.forces, NATIONAL] : scope.forces;
    case 'national':
      return [NATIONAL];
    default:
      return [];
  }
}
