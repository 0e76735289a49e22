/**
 * Finding the forces a question names: official names, short names, aliases ("Hants", "the Met"),
 * distinctive words ("Devon"), and near-misses ("Hampshre"). Also notices a name that looks like a
 * force we do not know ("Narnia Police"), so the answer can say so instead of guessing.
 */
import type { Force, OutsideForce } from '../model/data.ts';
import { editDistance, fold, openingLabel, STOPWORDS, words } from '../text/words.ts';

/** Words too common in force names to identify one on their own. */
const GENERIC = new Set([
  'police',
  'constabulary',
  'force',
  'forces',
  'service',
  'the',
  'of',
  'and',
  'city',
  'greater',
  'north',
  'south',
  'east',
  'west',
  'yorkshire',
  'wales',
  'england',
  'isle',
  'wight',
  'transport',
  'midlands',
  'valley',
  'metropolitan',
  'british',
  'national',
  'gb',
  'across',
  'london',
]);

/** Words after which a word is a place, however it is typed ("the force covering bolton"). */
const PLACE_LEADS = new Set(['covering', 'covers', 'cover', 'polices', 'policing', 'patrols', 'patrolling', 'serving', 'serves']);
/** Verbs that make the "in" after them lead to a place ("I live in bolton"). */
const LIVING = new Set(['live', 'lives', 'living', 'based', 'grew']);

/** Whether the words before word `at` lead to a place. */
function leadsToPlace(tokens: readonly string[], at: number): boolean {
  const before = tokens[at - 1] ?? '';
  return PLACE_LEADS.has(before) || (before === 'in' && LIVING.has(tokens[at - 2] ?? ''));
}

/** The area id of England and Wales as a whole. */
export const NATIONAL = 'england-and-wales';

/** Words after a region's name that show it is the region ("the North East forces"). */
const REGION_FOLLOWERS = new Set(['force', 'forces', 'police', 'region', 'area', 'constabularies', 'constabulary']);
/** Words joining two places compared or listed ("Swindon vs Gloucestershire"). */
const JOINING = new Set(['vs', 'versus', 'v', 'and', 'or', 'against', 'with', 'compared', 'than']);

/** Words for a region that name all of its forces ("the Welsh forces", "in Wales"). */
const REGION_WORDS: Record<string, string> = { wales: 'Wales', welsh: 'Wales' };

export interface ForceMention {
  /** Resolved force ids, in the order the question names them. */
  forces: string[];
  /** A word that fits several forces ("Yorkshire"), with the candidates; `region` when the word names
   * every force of a region ("Wales"), which a ranking can take as its scope. */
  ambiguous?: { word: string; candidates: string[]; region?: string };
  /** Words that look like a force name we do not know. */
  unknown?: string;
  /** A place or force outside England and Wales, and the force that covers it. */
  outOfScope?: { place: string; force: OutsideForce };
  /** Places named by their area rather than their force ("Portsmouth"), with the force policing each. */
  places?: Array<{ place: string; force: string }>;
  /** Word positions the force names took, so other parsers can skip them. */
  spans: Array<[number, number]>;
  /** Where each named force first appears, by word position. */
  positions: Array<{ force: string; at: number }>;
}

interface Key {
  tokens: string[];
  force: string;
}

/** Keys longest first, so a longer name takes its words before a shorter one inside it. */
/**
 * Names longest first (a longer name takes its words before a shorter one inside it), filed by their
 * first word: a question reads only the few of hundreds of names its words open.
 */
class NameList<T extends { tokens: string[] }> {
  private readonly all: T[];
  private readonly byFirst = new Map<string, number[]>();

  constructor(keys: Iterable<T>) {
    this.all = [...keys].sort((a, b) => b.tokens.length - a.tokens.length);
    this.all.forEach((key, index) => {
      const first = key.tokens[0] as string;
      const indices = this.byFirst.get(first);
      if (indices) indices.push(index);
      else this.byFirst.set(first, [index]);
    });
  }

  /** Every name, longest first. */
  get names(): readonly T[] {
    return this.all;
  }

  /** The names starting with a word of `tokens`, longest first. */
  opening(tokens: readonly string[]): T[] {
    // Plain loops: gathered with flatMap, this was a fortieth of the parser's time.
    const indices: number[] = [];
    for (const t of new Set(tokens)) for (const index of this.byFirst.get(t) ?? []) indices.push(index);
    return indices.sort((a, b) => a - b).map((index) => this.all[index] as T);
  }
}

/** The question's words as typed (case kept), aligned with {@link words}; undefined if they do not align. */
function typedWords(text: string, count: number): string[] | undefined {
  const typed = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/'s\b/gi, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return typed.length === count ? typed : undefined;
}

/** Words after which a name that is also a word ("met") names its force, however typed. */
const BEFORE_FORCE = new Set([
  'excluding',
  'except',
  'versus',
  'vs',
  'v',
  'from',
  'than',
  'besides',
  'without',
  'exclude',
  'on',
  'for',
  'about',
  'against',
  'at',
  'of',
  'in',
  'to',
  'with',
  'like',
  'the',
]);

/** Words a force's name is followed by ("met police", "met investigations", "met vs gmp"): after a name that is also
 * a word, they make it the force, unless someone did the meeting ("they met officers"). */
const AFTER_FORCE = new Set([
  'police',
  'officers',
  'officer',
  'investigations',
  'complaints',
  'allegations',
  'figures',
  'cases',
  'staff',
  'force',
  'vs',
  'versus',
  'v',
  'and',
]);
const MEETERS = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'who',
  'have',
  'has',
  'had',
  'was',
  'were',
  'been',
  'being',
  'be',
  'never',
  'just',
  'finally',
  'once',
  'then',
  'also',
  'and',
]);

/** A publisher's names: its own, and any paper it copied or mirrored, named in its brackets
 * ("darkdotnet.com (copy of Stoke Sentinel/LDRS)"). */
function mastheadsOf(publisher: string): string[] {
  const inner = [...publisher.matchAll(/\(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').split(/[/;]/));
  return [publisher.replace(/\(.*?\)/g, ''), ...inner.map((name) => name.replace(/\b(?:copy|rewrite|mirror)(?: of)?\b/gi, ''))];
}

/** Words that follow a force's name ("… police"). */
const FORCE_WORDS: ReadonlySet<string> = new Set(['police', 'constabulary', 'force']);

/** Words of a police body's own name: a publisher holding one ("Surrey Police and Crime
 * Commissioner") is the force or its commissioner, named as the force, not a paper. */
export const BODY_WORDS: ReadonlySet<string> = new Set(['police', 'constabulary', 'commissioner']);

/** Resolves force names in questions against the register. */
export class ForceResolver {
  /** The forces' names. */
  private readonly keys: NameList<Key>;
  /** Each name's force, by its words joined ("west yorkshire"). */
  private readonly keyed: Map<string, string>;
  private readonly distinctive = new Map<string, string>();
  private readonly ambiguousWords = new Map<string, string[]>();
  private readonly byId: Map<string, Force>;
  /** Council areas and towns, each naming the force that polices it. */
  private readonly areas: NameList<Key>;
  /** Every word of every area's name. */
  private readonly areaWords: Set<string>;
  /** Each force's name's opening word, where no other force's name opens with it ("metropolitan"). */
  private readonly openers = new Map<string, string>();
  /** One-word places by their word ("plymouth" → "Plymouth"), and each one's force. */
  private readonly townNames = new Map<string, string>();
  private readonly townForces = new Map<string, string>();
  private readonly outside: NameList<{ tokens: string[]; force: OutsideForce }>;
  /** Names that count only as written ("Met"), each with its force. */
  private readonly cased: Map<string, string>;

  /** Words of the phrase book ("themes"): they mean something to us, so are never a misspelt force ("Thames"). */
  private readonly phraseWords: ReadonlySet<string>;

  /** Publishers' names holding a place's name ("South Wales Argus"): the paper, not the force. */
  private readonly mastheads: NameList<{ tokens: string[] }>;

  constructor(
    readonly forces: Force[],
    outside: OutsideForce[] = [],
    phraseWords: ReadonlySet<string> = new Set(),
    publishers: readonly string[] = [],
  ) {
    this.phraseWords = phraseWords;
    this.byId = new Map(forces.map((f) => [f.id, f]));
    const keys = new Map<string, Key>();
    for (const force of forces) {
      for (const name of [force.name, force.shortName, ...force.aliases]) {
        const tokens = words(name);
        if (tokens.length === 0) continue;
        keys.set(tokens.join(' '), { tokens, force: force.id });
        // "Hampshire Constabulary" is also asked as "Hampshire"
        const trimmed = tokens.filter((t, i) => !(i === tokens.length - 1 && (t === 'police' || t === 'constabulary')));
        // …but never as one common word ("Met Police" → "met", "City Police" → "city").
        const tooCommon = trimmed.length === 1 && (GENERIC.has(trimmed[0] as string) || (trimmed[0] as string).length < 4);
        if (trimmed.length > 0 && trimmed.length < tokens.length && !tooCommon && !keys.has(trimmed.join(' ')))
          keys.set(trimmed.join(' '), { tokens: trimmed, force: force.id });
      }
    }
    this.keys = new NameList(keys.values());
    // Every paper's name of two words or more, a copied paper's too ("copy of Stoke Sentinel"): a place
    // in it ("Wigan Today") or a word a typo away from a force's ("Cambrian News") is the paper's.
    this.mastheads = new NameList(
      [...new Set(publishers.flatMap(mastheadsOf))]
        .map((name) => ({ tokens: words(name) }))
        .filter((p) => p.tokens.length >= 2 && !keys.has(p.tokens.join(' ')) && !p.tokens.some((t) => BODY_WORDS.has(t))),
    );
    this.keyed = new Map([...keys].map(([name, key]) => [name, key.force]));
    this.areas = new NameList(forces.flatMap((f) => (f.areas ?? []).map((area) => ({ tokens: words(area), force: f.id }))));
    this.areaWords = new Set(this.areas.names.flatMap((a) => a.tokens));
    for (const force of forces)
      for (const area of force.areas ?? []) {
        const [only, ...more] = words(area);
        if (only === undefined || more.length > 0) continue;
        this.townNames.set(only, area);
        this.townForces.set(area, force.id);
      }
    this.outside = new NameList(outside.flatMap((force) => force.places.map((place) => ({ tokens: words(place), force }))));
    this.cased = new Map(forces.flatMap((f) => (f.casedAliases ?? []).map((name) => [name, f.id] as const)));
    const owners = new Map<string, Set<string>>();
    for (const force of forces) {
      if (force.kind === 'area') continue;
      for (const name of [force.name, force.shortName]) {
        for (const word of words(name)) {
          if (GENERIC.has(word) || word.length < 4) continue;
          const set = owners.get(word) ?? new Set<string>();
          set.add(force.id);
          owners.set(word, set);
        }
      }
    }
    const openedBy = new Map<string, Set<string>>();
    for (const force of forces) {
      const [opening] = words(force.name);
      if (force.kind === 'area' || opening === undefined || opening.length < 5) continue;
      openedBy.set(opening, (openedBy.get(opening) ?? new Set()).add(force.id));
    }
    for (const [word, set] of openedBy) if (set.size === 1) this.openers.set(word, [...set][0] as string);
    for (const [word, set] of owners) {
      if (set.size === 1) this.distinctive.set(word, [...set][0] as string);
    }
    for (const word of ['yorkshire', 'midlands']) {
      const ids = forces.filter((f) => f.kind !== 'area' && words(f.name).includes(word)).map((f) => f.id);
      if (ids.length > 1) this.ambiguousWords.set(word, ids);
    }
    // "London" alone could be the Met or the City of London Police.
    const london = forces.filter((f) => f.id === 'metropolitan' || f.id === 'city-of-london').map((f) => f.id);
    if (london.length > 1) this.ambiguousWords.set('london', london);
    const regionForces = (region: string) => forces.filter((f) => f.kind === 'territorial' && f.region === region).map((f) => f.id);
    for (const [word, region] of Object.entries(REGION_WORDS)) this.regionWords.set(word, { region, forces: regionForces(region) });
    for (const region of new Set(forces.map((f) => f.region).filter((r): r is string => r !== undefined)))
      if (regionForces(region).length > 1) this.regions.push({ tokens: words(region), region, forces: regionForces(region) });
  }

  private readonly regionWords = new Map<string, { region: string; forces: string[] }>();
  /** The regions of the register by their names ("the North East"), each with its forces. */
  private readonly regions: Array<{ tokens: string[]; region: string; forces: string[] }> = [];

  /** Whether `word` is a word of some force's or place's name ("yorkshire", "herefordshire"), so a slip
   * in typing it can be read back and a place typed right is never read as a slip for another. */
  isNameWord(word: string): boolean {
    return (
      this.distinctive.has(word) ||
      this.ambiguousWords.has(word) ||
      this.openers.has(word) ||
      this.regionWords.has(word) ||
      this.areaWords.has(word) ||
      this.townNames.has(word)
    );
  }

  /** The forces that are not territorial ones (British Transport Police): left out of "the 43 territorial forces". */
  nonTerritorial(): string[] {
    return [...this.byId.values()].filter((f) => f.kind === 'special').map((f) => f.id);
  }

  get(id: string): Force | undefined {
    return this.byId.get(id);
  }

  /** Resolves one force name typed on its own (the force lookup's argument). */
  resolveName(name: string): ForceMention {
    const mention = this.find(name, new Set());
    // A force card's argument is a name, so "met" is "the Met" (in a question it is a verb).
    if (mention.forces.length > 0 || mention.ambiguous) return mention;
    const named = this.find(`the ${name}`, new Set());
    return named.forces.length > 0 ? named : mention;
  }

  /**
   * Finds the forces named in `question`. `vocabulary` holds words that mean something else to us
   * ("allegations"), which are never taken for a misspelt force.
   */
  find(question: string, vocabulary: Set<string>): ForceMention {
    const tokens = words(question).map((t) => this.withoutPossessive(t, vocabulary));
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: Array<{ at: number; force: string }> = [];
    const spans: Array<[number, number]> = [];
    const take = (at: number, len: number, force: string) => {
      for (let k = at; k < at + len; k++) taken[k] = true;
      spans.push([at, at + len]);
      if (!found.some((f) => f.force === force)) found.push({ at, force });
    };
    let ambiguous: ForceMention['ambiguous'];
    // "South Wales Argus said …": a paper's name, not the force it shares words with.
    // A label opening the question ("Hampshire Chronicle: how many …?") is who asks, about their patch.
    const label = openingLabel(question);
    /** Words of a paper's name opening the question as its label, read as its patch. */
    let patch = 0;
    for (const { tokens: key } of this.mastheads.opening(tokens)) {
      const i = ForceResolver.at(tokens, taken, key);
      if (i === 0 && label !== undefined && words(label).length === key.length) patch = key.length;
      else if (i >= 0) for (let k = i; k < i + key.length; k++) taken[k] = true;
    }
    // "The West Midlands region": a region that shares its name with a force, called a region.
    for (const { tokens: key, region, forces } of this.regions) {
      const i = ForceResolver.at(tokens, taken, key);
      if (i < 0 || tokens[i + key.length] !== 'region') continue;
      for (let k = i; k <= i + key.length; k++) taken[k] = true;
      spans.push([i, i + key.length + 1]);
      ambiguous ??= { word: region, candidates: forces, region };
    }
    // "North East Lincolnshire": a place whose longer name holds a force's is the place, read below.
    const placeNamed = new Array<boolean>(tokens.length).fill(false);
    const typed = typedWords(question, tokens.length);
    // Where each place's name ends: "Newport in south Wales" places the town, and names no force.
    const placeEnds = new Set<number>();
    for (const { tokens: key } of this.areas.opening(tokens)) {
      const at = ForceResolver.at(tokens, taken, key);
      if (at < 0 || this.keyed.has(key.join(' '))) continue;
      placeEnds.add(at + key.length);
      const written = key.length > 1 && (!capitalised(question) || /^[A-Z]/.test(typed?.[at] ?? ''));
      if (written) for (let k = at; k < at + key.length; k++) placeNamed[k] = true;
    }
    for (const key of this.keys.opening(tokens)) {
      for (let i = 0; i + key.tokens.length <= tokens.length; i++) {
        if (taken.slice(i, i + key.tokens.length).some(Boolean) || placeNamed[i] || !key.tokens.every((t, k) => tokens[i + k] === t)) continue;
        if (tokens[i - 1] === 'in' && placeEnds.has(i - 1)) {
          for (let k = i; k < i + key.tokens.length; k++) taken[k] = true;
          spans.push([i, i + key.tokens.length]);
        } else take(i, key.tokens.length, key.force);
      }
    }
    // "West and South Yorkshire": the first name's last word left to the second ("North and South Wales").
    for (const [i, token] of tokens.entries()) {
      const joined = tokens[i + 1] === 'and' || tokens[i + 1] === 'or';
      const next = found.find((f) => f.at === i + 2);
      const tail = next && spans.find(([a]) => a === i + 2);
      if (taken[i] || !joined || !next || !tail || tail[1] - tail[0] !== 2) continue;
      const whole = this.keyed.get(`${token} ${tokens[tail[1] - 1]}`);
      if (whole !== undefined && whole !== next.force) take(i, 1, whole);
    }
    // "The North East forces", "forces in the South West": a region named as one, by its name.
    for (const { tokens: key, region, forces } of this.regions) {
      const i = ForceResolver.at(tokens, taken, key);
      if (i < 0) continue;
      const after = tokens[i + key.length] ?? '';
      const before = tokens.slice(Math.max(0, i - 2), i).join(' ');
      // A long name ("Yorkshire and the Humber") is the region wherever it stands.
      if (key.length < 3 && !REGION_FOLLOWERS.has(after) && !/\b(?:in|across|of) the$|^the$|\bthe$/.test(before)) continue;
      for (let k = i; k < i + key.length; k++) taken[k] = true;
      // Its words are the region's, so nothing else reads them.
      spans.push([i, i + key.length]);
      ambiguous ??= { word: region, candidates: forces, region };
    }
    /** Words that may be a place's name mistyped ("Gatshead"), tried once the places typed right are read. */
    const misspelt: number[] = [];
    for (const [i, token] of tokens.entries()) {
      if (taken[i] || placeNamed[i]) continue;
      const exact = this.distinctive.get(token);
      const several = this.ambiguousWords.get(token);
      const region = this.regionWords.get(token);
      if (exact) take(i, 1, exact);
      else if (several) ambiguous ??= { word: token, candidates: several };
      else if (region && region.forces.length > 0) ambiguous ??= { word: token, candidates: region.forces, region: region.region };
      // A place's own name ("Herefordshire") is never a typo of a force's ("Hertfordshire").
      else if (
        token.length >= 5 &&
        !STOPWORDS.has(token) &&
        !vocabulary.has(token) &&
        !this.phraseWords.has(token) &&
        !/\d/.test(token) &&
        !this.areaWords.has(token)
      ) {
        // "Metropolitian police": before "police", a force's opening word mistyped, common as it may be.
        const near = this.nearest(token, this.distinctive) ?? (FORCE_WORDS.has(tokens[i + 1] ?? '') ? this.nearest(token, this.openers) : undefined);
        if (near) take(i, 1, near);
        else misspelt.push(i);
      }
    }
    // "Met complaints": a name that is also a word counts only as written, with its capital.
    typed?.forEach((word, i) => {
      // Chat often starts in lower case: "met discrimination allegations?" opens with the Met.
      // So does one after a word that only a force would follow there ("excl met", "gmp vs met",
      // "the met"), or before one a force's name would ("reviewed met investigations").
      const lowerNamed = i === 0 || BEFORE_FORCE.has(tokens[i - 1] as string) || (AFTER_FORCE.has(tokens[i + 1] ?? '') && !MEETERS.has(tokens[i - 1] ?? ''));
      const force = this.cased.get(word) ?? (lowerNamed ? this.cased.get(word.toUpperCase()) : undefined);
      if (force && !taken[i]) take(i, 1, force);
    });
    const outside = this.outsidePlace(tokens, taken, question);
    const places = !outside
      ? this.placesIn(tokens, taken, question, take, new Set(found.filter((f) => this.byId.get(f.force)?.kind !== 'area').map((f) => f.force)), misspelt)
      : [];
    found.sort((a, b) => a.at - b.at);
    // "South Wales Argus: allegations against Gwent Police": a paper's patch gives way to a force named.
    if (found.some((f) => f.at >= patch)) {
      found.splice(0, found.length, ...found.filter((f) => f.at >= patch));
      spans.splice(0, spans.length, ...spans.filter(([a]) => a >= patch));
    }
    const mention: ForceMention = { forces: found.map((f) => f.force), spans, positions: found };
    // England and Wales named beside a region ("the Welsh forces against the England and Wales average")
    // leaves the region to be read.
    // So does a force of the region named beside it ("the Welsh forces … where does Gwent sit?"), which
    // only a ranking of the region reads (src/understand/scope.ts).
    // A word several forces share, named beside another force ("London than Manchester"), stays to be asked.
    if (ambiguous && (ambiguous.region === undefined || found.every((f) => this.byId.get(f.force)?.kind === 'area' || ambiguous.candidates.includes(f.force))))
      mention.ambiguous = ambiguous;
    if (outside) mention.outOfScope = outside;
    if (places.length > 0) mention.places = places;
    // A name several forces share ("Yorkshire Police") asks which, not "unknown force".
    if (found.length === 0 && !outside && !mention.ambiguous) {
      // A word of ours ("most common reason coppers …") is never the name of a force.
      const unknown = unknownForceName(question, capitalised(question), (w) => vocabulary.has(w) || this.phraseWords.has(w));
      if (unknown) mention.unknown = unknown;
    }
    return mention;
  }

  /** Where `key` occurs among the words nothing has taken yet, or -1. */
  private static at(tokens: string[], taken: boolean[], key: string[]): number {
    for (let i = 0; i + key.length <= tokens.length; i++)
      if (key.every((t, k) => tokens[i + k] === t) && !taken.slice(i, i + key.length).some(Boolean)) return i;
    return -1;
  }

  /** The first place outside England and Wales the question names, with the force covering it. */
  private outsidePlace(tokens: string[], taken: boolean[], question: string): ForceMention['outOfScope'] {
    for (const { tokens: key, force } of this.outside.opening(tokens)) {
      const i = ForceResolver.at(tokens, taken, key);
      if (i >= 0) return { place: (typedWords(question, tokens.length) ?? tokens).slice(i, i + key.length).join(' '), force };
    }
    return undefined;
  }

  /**
   * Areas and towns named ("I live in Portsmouth", "Swindon police vs Gloucestershire"), each taken
   * for the force that polices it. In a question typed with capitals, only a capitalised word is a
   * place, so "reading the figures" is not Reading; beside a force named outright, a town of another
   * force counts only as "swindon police".
   */
  private placesIn(
    tokens: string[],
    taken: boolean[],
    question: string,
    take: (at: number, len: number, force: string) => void,
    named: ReadonlySet<string>,
    misspelt: readonly number[],
  ): Array<{ place: string; force: string }> {
    const typed = typedWords(question, tokens.length);
    const capitals = typed !== undefined && capitalised(question);
    const places: Array<{ place: string; force: string }> = [];
    const placeAt = (i: number, length: number, force: string, place: string) => {
      const written = (typed ?? tokens).slice(i, i + length);
      // Chat often starts in lower case ("newcastle - average days…"): the first word may be a place.
      // …and so may one right after words that can only lead to a place ("the force covering bolton").
      if (capitals && i > 0 && !/^[A-Z]/.test(written[0] ?? '') && !leadsToPlace(tokens, i)) return;
      // Beside a force, a town is another force only as one ("Swindon police", "Swindon vs Kent"),
      // never "people living in Sheffield".
      const asForce = REGION_FOLLOWERS.has(tokens[i + length] ?? '') || JOINING.has(tokens[i - 1] ?? '') || JOINING.has(tokens[i + length] ?? '');
      // A town of the force named ("Coventry: WMP's figures") is that force again; one opening the
      // question ("Newcastle upon Tyne: …, and for comparison the Met's") is asked about in its own right.
      if (named.size > 0 && !asForce && !named.has(force) && i > 0) return;
      take(i, length, force);
      places.push({ place: place || written.join(' '), force });
    };
    for (const { tokens: key, force } of this.areas.opening(tokens)) {
      const i = ForceResolver.at(tokens, taken, key);
      if (i >= 0) placeAt(i, key.length, force, '');
    }
    // A one-word place mistyped ("Middlesborough", "Pymouth") is that place, named as it is spelt.
    for (const i of misspelt) {
      const token = tokens[i] as string;
      const near = taken[i] || token.length < 6 ? undefined : this.nearest(token, this.townNames);
      if (near) placeAt(i, 1, this.townForces.get(near) as string, near);
    }
    return places;
  }

  /** "Sunderlands figures", "kents complaints": a possessive typed without its apostrophe is the
   * place or force it ends, where the word with its "s" is nothing of ours. */
  private withoutPossessive(token: string, vocabulary: Set<string>): string {
    if (token.length < 5 || !token.endsWith('s') || vocabulary.has(token) || this.distinctive.has(token) || this.areaWords.has(token)) return token;
    const stem = token.slice(0, -1);
    return this.distinctive.has(stem) || this.areaWords.has(stem) ? stem : token;
  }

  /** What `names` files under the word within a typo or two of `token`, if exactly one word is that near. */
  private nearest(token: string, names: ReadonlyMap<string, string>): string | undefined {
    const max = token.length >= 8 ? 2 : 1;
    let best: { value: string; d: number } | undefined;
    let tie = false;
    for (const [word, value] of names) {
      // Typos rarely hit the first letter, and allowing it turns places into forces ("Winchester" is
      // two letters from "Manchester").
      if (word[0] !== token[0]) continue;
      const d = editDistance(token, word, max);
      if (d > max) continue;
      if (!best || d < best.d) {
        best = { value, d };
        tie = false;
      } else if (d === best.d && value !== best.value) tie = true;
    }
    return best && !tie ? best.value : undefined;
  }
}

const NOT_NAMES = new Set([
  'national',
  'regular',
  'special',
  'senior',
  'former',
  'retired',
  'county',
  'chiefs',
  'federation',
  'the',
  'which',
  'what',
  'how',
  'any',
  'each',
  'every',
  'all',
  'other',
  'our',
  'your',
  'british',
  'serving',
  'male',
  'female',
  // "Home Office police misconduct statistics": a publisher's name, not a force's.
  'office',
  // Verbs of saying before "police" ("who said police must…").
  'said',
  'says',
  'told',
  'warned',
  'claimed',
  'argued',
  'added',
  'local',
  'many',
  'against',
  'by',
  'did',
  'does',
  'do',
  'has',
  'have',
  'in',
  'for',
  'of',
  'about',
  'a',
  'an',
  'and',
  'or',
  'my',
  'their',
  'that',
  'this',
  'these',
  'those',
  'more',
  'most',
  'fewer',
  'less',
  'no',
  'some',
  'one',
  'two',
  'three',
  'misconduct',
  'sexual',
  'sex',
  'complaint',
  'complaints',
  'allegation',
  'allegations',
  'officers',
  'staff',
]);

/** Capitals past the first letter (other than "I") show the question was typed with care: then only
 * a capitalised word is a name ("take police to …" names no force "Take"). */
function capitalised(question: string): boolean {
  // Acronyms ("IOPC", "PCCs") are typed in capitals in a question otherwise in lower case.
  const rest = question.slice(1).replace(/\bI\b/g, '');
  return /[A-Z]/.test(/^[a-z]/.test(question) ? rest.replace(/\b[A-Z][A-Z&]+s?\b/g, '') : rest);
}

/** "Narnia" in "Narnia Police" / "Narnia Constabulary" / "police in Narnia", when it is no name of ours. */
function unknownForceName(question: string, withCapitals: boolean, ours: (word: string) => boolean): string | undefined {
  const plain = question.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  /** A name is written with a capital where the question uses capitals at all. */
  const isName = (name: string) => {
    const first = name.split(/\s+/)[0] ?? '';
    return !withCapitals || plain.includes(first.charAt(0).toUpperCase() + first.slice(1));
  };
  const before =
    /\b([A-Za-z][A-Za-z'-]+(?:\s+(?:and|&)\s+[A-Za-z][A-Za-z'-]+)?)\s+(?:police|constabulary)\b(?!\s+(?:officers?\s+)?(?:in|of)\s+(?!\d|the\s+(?:year|period|last|latest)))(?!\s+(?:complaints?\s+commission|conduct|federation|chiefs)\b)/gi;
  for (const m of fold(question).matchAll(before)) {
    const name = (m[1] ?? '').trim();
    const first = name.split(/\s+/)[0] ?? '';
    // "allegations involving police officers": a word ending "-ing" names no force; nor does a word of
    // our measures ("barred list police staff").
    if (!NOT_NAMES.has(first) && !STOPWORDS.has(first) && !ours(first) && !first.endsWith('ing') && isName(name)) return name;
  }
  const after = /\b(?:police|constabulary|force)\s+(?:in|of)\s+([a-z][a-z'-]+)/gi;
  for (const m of fold(question).matchAll(after)) {
    const name = (m[1] ?? '').trim();
    if (!NOT_NAMES.has(name) && !STOPWORDS.has(name) && !['england', 'wales', 'britain', 'the'].includes(name) && isName(name)) return name;
  }
  return undefined;
}
