/**
 * What someone said ("what did the NPCC say?", "what did Hampshire police say about body worn
 * video?"): the passages the sources attribute to that speaker, with the quotes continuing them,
 * those on what the question asks about first. Each passage is quoted verbatim and cited.
 */
import type { Answer } from '../model/answer.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { Passage, PassageHit } from '../search/passages.ts';
import { memoised } from '../text/memo.ts';
import { stem, words } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { whatWeHold } from './holdings.ts';
import { content, expand, fallback, NOT_SPEECH } from './passages.ts';

/** A word reporting speech. */
export const SAYS = /\b(said|says|say|added|warned|told|confirmed|continued|commented|stated|explained|found|judged|revealed)\b/;
const SPOKES = /\bspokes(?:person|man|woman)\b/i;
/** Passages a statement answer quotes at most. */
const QUOTED = 6;
/** A passage going on with the speech of the one before: a quote, or a pronoun's "they added". */
const CONTINUES = /^(?:["“‘]|(?:they|he|she|it)\s+(?:also\s+)?(?:added|warned|continued|said)\b)/i;
/** Speech given to a pronoun ("they added", "she said"): its speaker is named in an earlier passage. */
const PRONOUN_SPEAKS = /\b(?:they|he|she|it)\s+(?:also\s+)?(?:added|warned|continued|said)\b/i;
/** Words standing for someone the question named before ("what did they say?"). */
const PRONOUNS = new Set(['they', 'he', 'she', 'it', 'them', 'him', 'her']);

/** A passage's stems as a set (for up to 20,000 passages), for "does it name the speaker?". */
const passageStems: (text: string) => ReadonlySet<string> = memoised((text: string) => new Set(words(text).map(stem)), 20_000);

/**
 * The speaker's words a passage must hold: the subject (for a pronoun, the force the question names:
 * "Hampshire police told the Chronicle … what did they say?"), less a role any of several people may
 * hold, and less the words a force's other names add to its short name, which the sources vary
 * ("Hampshire police", "a spokesperson for Hampshire Constabulary").
 */
function speakerOf(ctx: AnswerContext, asked: QueryFrame): { subject: string; named: string[]; who: string[] } {
  const forces = asked.scope.kind === 'forces' ? asked.scope.forces.map((id) => ctx.forces.get(id)).filter((f) => f !== undefined) : [];
  const typed = asked.subject ?? '';
  const subject = PRONOUNS.has(typed.toLowerCase()) && forces.length === 1 && forces[0] ? forces[0].shortName : typed;
  const named = content(expand(subject));
  const variable = new Set(
    forces
      .filter((f) => content(f.shortName).every((w) => named.includes(w)))
      .flatMap((f) => [f.name, ...f.aliases].flatMap((n) => content(n)).filter((w) => !content(f.shortName).includes(w))),
  );
  const who = named.filter((w) => w !== 'spokesperson' && w !== 'spokesman' && !variable.has(w));
  return { subject, named, who };
}

/** What the statement is asked about: the words after "about", else the question's words other than
 * the speaker's and those asking for speech ("what did Hampshire police say the process covers?"). */
function topicOf(asked: QueryFrame, speaker: readonly string[]): string | undefined {
  if (asked.about !== undefined) return asked.about;
  const rest = asked.keywords.filter((w) => !SAYS.test(w) && !content(expand(w)).every((s) => speaker.includes(s)));
  return rest.length > 0 ? rest.join(' ') : undefined;
}

/**
 * "What did the NPCC say?": the passages attributed to that speaker, with their continuations; within
 * `documents` only, when given ("… as quoted in the Hemel Today piece"), and then undefined when none
 * is attributed to them.
 */
export function statementsOf(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, documents?: ReadonlySet<string>): Answer | undefined {
  const { subject, named, who } = speakerOf(ctx, asked);
  const quoted: Passage[] = [];
  // Tables, analyses and recommendation pages report findings; only articles and reports quote people.
  const speech = (id: string) => !NOT_SPEECH.has(ctx.documents.get(id)?.kind ?? '') && (documents === undefined || documents.has(id));
  const options = { minTerms: 1, docFilter: speech };
  /** The passage names the speaker and reports speech. */
  const attributed = (p: Passage) => who.length > 0 && who.every((w) => passageStems(p.text).has(w)) && SAYS.test(p.text);
  // Later tiers are searched only while fewer passages than an answer quotes are attributed to the speaker.
  const enough = (hits: readonly PassageHit[]) => hits.filter((h) => attributed(h.passage)).length >= QUOTED;
  // An attributed passage holds every word of the speaker's name, so when the question names no role
  // only passages holding them all are read; a role word ranks passages but is not required.
  const allWords = who.length === named.length;
  const found = ctx.passages.find(expand(subject), 30, { ...options, allWords, enough }).map((h) => h.passage);
  // Passages on the topic named after "about", traced back to the one that says who is speaking (past
  // a pronoun's "they added"). (The question's other words only rank what is attributed: traced from
  // them, another body's spokesperson would be taken for the one asked about.)
  const topicText = topicOf(asked, named);
  const traced = new Set<string>();
  if (asked.about !== undefined) {
    const on = content(asked.about);
    for (const h of ctx.passages.find(`${expand(subject)} ${asked.about}`, 30, options)) {
      if (!on.some((w) => passageStems(h.passage.text).has(w))) continue;
      const list = ctx.passages.passages(h.passage.docId);
      let p = h.passage;
      const speakerNamed = (q: Passage) => SAYS.test(q.text) && !PRONOUN_SPEAKS.test(q.text);
      while (p.index > 0 && CONTINUES.test(p.text) && !speakerNamed(p) && list[p.index - 1] !== undefined) p = list[p.index - 1] as Passage;
      traced.add(p.id);
      if (!found.some((f) => f.id === p.id)) found.push(p);
    }
  }
  const candidates = found.sort((a, b) => a.docId.localeCompare(b.docId) || a.index - b.index);
  // Each attributed passage with the quotes that continue it.
  const blocks: Passage[][] = [];
  for (const p of candidates) {
    // A passage on the topic that names its speaker only by role ("continued the spokesperson for…").
    const byRole = who.length > 0 && traced.has(p.id) && SPOKES.test(subject) && SPOKES.test(p.text) && SAYS.test(p.text);
    if (!attributed(p) && !byRole) continue;
    const block = [p];
    const passages = ctx.passages.passages(p.docId);
    for (let k = p.index + 1; k < passages.length; k++) {
      const next = passages[k] as Passage;
      if (!CONTINUES.test(next.text)) break;
      block.push(next);
    }
    blocks.push(block);
  }
  const topic = content(topicText ?? '').filter((w) => !who.includes(w));
  const hits = (block: Passage[]) => topic.filter((w) => block.some((p) => passageStems(p.text).has(w))).length;
  // Words the question quotes from the speaker ("'much broader'") mark the block it asks about.
  const quotes = (block: Passage[]) => ((asked.quoted ?? []).some((q) => block.some((p) => ` ${words(p.text).join(' ')} `.includes(` ${q} `))) ? 1 : 0);
  // On a tie, a block whose own first passage is the one on the topic goes first.
  const own = (block: Passage[]) => (traced.has(block[0]?.id ?? '') ? 1 : 0);
  // Words quoted from the speaker come before a passage that only reports what they found.
  const speaking = new Map(blocks.map((block) => [block, block.some((p) => /["“”]/.test(p.text) || SPOKES.test(p.text)) ? 1 : 0]));
  const speaks = (block: Passage[]) => speaking.get(block) ?? 0;
  // A block naming the speaker comes before one only traced to a spokesperson (perhaps another body's).
  const names = (block: Passage[]) => (block[0] && attributed(block[0]) ? 1 : 0);
  blocks.sort(
    (a, b) =>
      quotes(b) - quotes(a) ||
      (topic.length > 0 ? hits(b) - hits(a) : 0) ||
      names(b) - names(a) ||
      (topic.length > 0 ? own(b) - own(a) : 0) ||
      speaks(b) - speaks(a),
  );
  for (const block of blocks) {
    for (const p of block) {
      if (quoted.length >= QUOTED) break;
      if (!quoted.some((q) => q.id === p.id)) quoted.push(p);
    }
  }
  if (quoted.length === 0) return undefined;
  const parts = quoted.map((p) => `${p.text} [${draft.cite(p.docId, p.text)}]`);
  return draft.answered('statement', `What the sources report ${asked.subject ? `from ${draft.echo(subject)}` : ''}:\n${parts.join('\n')}`.replace(' :', ':'), {
    type: 'statement',
    forces: [],
    periods: [],
  });
}

/** "What did the NPCC say?": what the sources attribute to the speaker, else the closest passage,
 * else a plain decline. */
export function answerStatement(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  return (
    statementsOf(ctx, asked, draft) ??
    fallback(ctx, asked, draft) ??
    draft.noData(
      'off_topic',
      `None of the sources we hold quotes ${draft.echo(echoable(asked.subject) ?? 'that')}. ${whatWeHold(ctx)}`,
      { type: 'statement', forces: [], periods: [] },
      'statement',
    )
  );
}

/** A speaker's name as the reply may repeat it: never one holding digits, which the reading may have
 * split from how they were typed ("3.14159" read as "3 14159") and which would read as figures. */
function echoable(subject: string | undefined): string | undefined {
  return subject !== undefined && !/\d/.test(subject) ? subject : undefined;
}
