/**
 * When a source was published ("when did the Daily Echo run the story?", "what date did Hemel Today
 * publish the article?"): from the document's own record, with an inferred date marked as inferred
 * and why, never from some sentence of its text that happens to hold a date.
 */
import type { Answer } from '../model/answer.ts';
import type { SourceDocument } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { publishedLabel } from '../render/format.ts';
import { words } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { documentsNamed } from './named-documents.ts';
import { content, NOT_SPEECH, sentences } from './passages.ts';
import { forceSpellingOf } from './reading.ts';

/** Whether a document's headline (its recorded one, or its first paragraph) holds one of the quoted phrases. */
function headlined(ctx: AnswerContext, doc: SourceDocument, quoted: readonly string[]): boolean {
  const head = [doc.titleFrom === 'headline' ? doc.title : '', ctx.passages.passages(doc.id)[0]?.text ?? ''];
  return head.some((text) => {
    const folded = ` ${words(text).join(' ')} `;
    return quoted.some((q) => folded.includes(` ${q} `));
  });
}

/**
 * The document a question about a publication date means: one whose headline it quotes ("the 'nearly
 * 20 police leave' story"), else one of the paper it names; of several, the one whose text holds the
 * question's words best. Undefined when it names no document.
 */
function documentAsked(ctx: AnswerContext, asked: QueryFrame): SourceDocument | undefined {
  const papers = documentsNamed(ctx, asked);
  const quoted = asked.quoted ?? [];
  // Every article's headline is read only for a question quoting one.
  const titled = quoted.length > 0 ? [...ctx.documents.values()].filter((d) => !NOT_SPEECH.has(d.kind) && headlined(ctx, d, quoted)).map((d) => d.id) : [];
  const ids = new Set(titled.length > 0 ? titled : papers);
  const docs = [...ids].map((id) => ctx.documents.get(id)).filter((d): d is SourceDocument => d !== undefined);
  if (docs.length <= 1) return docs[0];
  // A paper's several stories: the one whose text holds most of the question's words ("on Hertfordshire
  // misconduct allegations"), other than those asking when it was published.
  const asking = (w: string) => ctx.phrases.isWordOf('publication', w) || ctx.phrases.isWordOf('when', w);
  const wanted = asked.keywords.filter((w) => !asking(w));
  const asks = new Set(content([...wanted, ...wanted.flatMap((w) => forceSpellingOf(ctx, asked, w))].join(' ')));
  // Each text read once (a paper named by the last word of its name may have hundreds of stories in
  // a large corpus, their texts on disk); of those holding most words, the first.
  const held = docs.map((d) => new Set(content(d.text).filter((w) => asks.has(w))).size);
  const most = Math.max(...held);
  return docs[held.indexOf(most)];
}

/** "When did the Daily Echo run the story?": the document's date, cited by its opening sentence;
 * undefined when the question names no document we hold. */
export function answerPublished(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer | undefined {
  const doc = documentAsked(ctx, asked);
  if (doc === undefined) return undefined;
  // The opening sentence identifies the article the date belongs to.
  const opening = sentences(ctx.passages.passages(doc.id)[0]?.text ?? doc.text)[0];
  if (opening === undefined) return undefined;
  const n = draft.cite(doc.id, opening.trim());
  const reason = doc.dateReason ?? '';
  const date = publishedLabel({ published: doc.published, publishedInferred: false });
  // A date and its reason are the source's record, not figures of ours.
  draft.allow(date);
  draft.allow(reason);
  const article = `this article (“${opening.trim()}” [${n}])`;
  const on = doc.published !== null && doc.published.length === 10 ? `on ${date}` : `in ${date}`;
  const text =
    doc.published === null
      ? `We don't know when ${doc.publisher} published ${article}. ${reason}`
      : doc.dateInferred
        ? `${doc.publisher} published ${article} ${on} (date inferred): ${reason}`
        : `${doc.publisher} published ${article} ${on}.`;
  return draft.answered('statement', text.trim(), { type: 'statement', forces: [], periods: [] });
}
