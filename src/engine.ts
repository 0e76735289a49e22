/**
 * The engine's one port: load the bundled data once, then answer questions from it.
 * Platform-neutral: adapters turn chat events into `answer()` calls and render the `Answer`.
 */
import { join } from 'node:path';
import { answerInTwoParts } from './answer/compound.ts';
import { withDefinition } from './answer/defined-too.ts';
import type { AnswerContext } from './answer/context.ts';
import { AnswerDraft } from './answer/draft.ts';
import { FigureStore } from './answer/figure-store.ts';
import { forceCard, forceSummary } from './answer/force-card.ts';
import { FAILURE_TEXT, help } from './answer/help.ts';
import { joinNames, whatWeHold } from './answer/holdings.ts';
import { respond } from './answer/respond.ts';
import { PROJECT_DIR } from './project.ts';
import type { Dataset } from './data/dataset.ts';
import { loadDatasetOrSnapshot } from './data/snapshot.ts';
import { withoutText } from './data/source-texts.ts';
import type { Answer, Conversation } from './model/answer.ts';
import type { Force, SourceMeta } from './model/data.ts';
import type { Logger } from './log.ts';
import { loadOrBuildPassageIndex } from './search/index-file.ts';
import { fold, words } from './text/words.ts';
import { questionReaders } from './understand/readers.ts';
import { readQuestion } from './understand/frame.ts';
import { explain, type Explanation } from './understand/explain.ts';

/** Longest question we read; longer ones get a polite request to shorten them. */
export const MAX_QUESTION_LENGTH = 1000;

/** The bundled data folder. */
export const BUNDLED_DATA_DIR = join(PROJECT_DIR, 'data');

/** A force offered to someone typing a force name (slash-command autocomplete). */
export interface ForceSuggestion {
  id: string;
  name: string;
  hasData: boolean;
}

export interface Engine {
  /** Answers a question in the user's own words; pass the previous exchange for follow-ups. */
  answer(question: string, conversation?: Conversation): Answer;
  /** The named force's card: a summary (the newest figure of each measure, at most twelve lines,
   * ending with a pointer to the rest), or with `full` every figure held, by period and topic. */
  forceCard(name: string, options?: { full?: boolean }): Answer;
  /** Forces matching what someone has typed so far, forces we hold data for first. */
  suggestForces(typed: string, limit?: number): ForceSuggestion[];
  /** Forces we hold figures for. */
  forcesWithData(): Force[];
  /** The source documents, without their text. */
  sources(): SourceMeta[];
  /** The query frame a question is read as (its intent, scope, measure, periods and the answer's
   * shape), with names for its ids, so a user can see why an answer says what it says. */
  explain(question: string, conversation?: Conversation): Explanation;
}

export interface EngineOptions {
  /** Folder holding the data files; the bundled `data/` by default. */
  dataDir?: string;
  /** A passage index saved by `npm run index:build`: loaded when it matches the data (faster start),
   * otherwise ignored with a warning and the index is built as usual. */
  indexFile?: string;
  /** A validated-dataset snapshot saved by `npm run index:build`: read instead of validating the data
   * when made from exactly these data files (faster start), otherwise ignored with a warning. */
  snapshotFile?: string;
  logger?: Logger;
  /** Called once the whole passage index is built or loaded, which finishes after the engine is ready
   * (answers never wait for it; the benchmark measures memory then). */
  onIndexed?: () => void;
}

/** Labels of the catalogue that hold digits: the grounding check reads them as names. */
function numberedNames(data: Dataset): string[] {
  const names = [...data.metrics.flatMap((m) => [m.label, m.topic]), ...data.measures.flatMap((m) => [m.label, m.short]), ...data.outcomes.map((o) => o.label)];
  return [...new Set(names.filter((n) => /\d/.test(n)))];
}

/** Loads and validates the data, builds the index, and returns a ready engine. Throws a `DataError`
 * naming every problem when the data is invalid: never a half-loaded engine. */
export function loadEngine(options: EngineOptions = {}): Engine {
  const started = performance.now();
  const log = options.logger?.child({ component: 'engine' });
  // A saved passage index is tied to the data's fingerprint, so it is asked for when one is named.
  const { dataset: data, fingerprint } = loadDatasetOrSnapshot(options.dataDir ?? BUNDLED_DATA_DIR, options.snapshotFile, log, {
    fingerprint: options.indexFile !== undefined,
  });
  const forces = new Map(data.forces.map((f) => [f.id, f]));
  const ctx: AnswerContext = {
    store: new FigureStore(data.figures, data.metrics, data.documents),
    metrics: data.metrics,
    metricById: new Map(data.metrics.map((m) => [m.id, m])),
    measures: new Map(data.measures.map((m) => [m.id, m])),
    outcomes: new Map(data.outcomes.map((o) => [o.id, o])),
    ...questionReaders(data),
    passages: loadOrBuildPassageIndex(data.documents, options.indexFile, fingerprint, log),
    documents: new Map(data.documents.map((d) => [d.id, d])),
    forces,
    unreadable: data.unreadable,
    numberedNames: numberedNames(data),
  };
  log?.info({ documents: data.documents.length, figures: data.figures.length, ms: Math.round(performance.now() - started) }, 'engine ready');
  // The passage index's later tiers are finished after start-up, between questions; a search that
  // reaches one first finishes it itself, so answers never depend on how far this has got.
  void ctx.passages.complete().then(() => {
    log?.info({ ms: Math.round(performance.now() - started) }, 'passage index complete');
    options.onIndexed?.();
  });
  /** A bug (an ungrounded number, say) must never reach the user as a figure or a crash. */
  const guarded = (draft: AnswerDraft, compose: () => Answer): Answer => {
    try {
      return compose();
    } catch (error) {
      log?.error({ err: error, question: draft.question.slice(0, 200) }, 'answering failed');
      return new AnswerDraft(ctx, draft.question).noData('not_understood', FAILURE_TEXT);
    }
  };
  const withData = () =>
    ctx.store
      .forces()
      .map((id) => forces.get(id))
      .filter((f): f is Force => f !== undefined);

  return {
    answer(question, conversation) {
      const draft = new AnswerDraft(ctx, question);
      const trimmed = question.trim();
      if (trimmed === '') return help(ctx, draft, true);
      if (trimmed.length > MAX_QUESTION_LENGTH)
        return draft.noData('not_understood', 'That question is too long for me: please keep it under a thousand characters.');
      const previous = conversation?.previous?.frame;
      const asked = readQuestion(trimmed, ctx, previous);
      const whole = guarded(draft, () => respond(ctx, asked, draft));
      const parts = guarded(draft, () => answerInTwoParts(ctx, trimmed, asked, whole, previous) ?? whole);
      return guarded(draft, () => withDefinition(ctx, asked, parts, draft));
    },
    forceCard(name, options = {}) {
      const draft = new AnswerDraft(ctx, name);
      const typed = name.trim();
      if (typed.length > MAX_QUESTION_LENGTH) return draft.noData('not_understood', 'That is too long for a force name.', undefined, 'force_card');
      return guarded(draft, () => {
        const mention = ctx.resolver.resolveName(typed);
        const force = mention.forces[0];
        if (force !== undefined) return options.full === true ? forceCard(ctx, draft, force) : forceSummary(ctx, draft, force);
        if (mention.ambiguous) {
          const names = joinNames(
            mention.ambiguous.candidates.map((f) => draft.forceName(f)),
            'or',
          );
          return draft.unclear(`Which force do you mean: ${names}?`, { type: 'force_card', forces: [], periods: [] }, 'force_card');
        }
        const why = typed === '' ? 'Name a force to see its card.' : `I don't know a police force called “${draft.echo(typed)}”.`;
        return draft.noData('unknown_force', `${why} ${whatWeHold(ctx)}`, undefined, 'force_card');
      });
    },
    suggestForces(typed, limit = 25) {
      const q = fold(typed).trim();
      const tokens = words(typed);
      const scored = data.forces
        .filter((f) => f.kind !== 'area')
        .map((f) => {
          const names = [f.name, f.shortName, ...f.aliases].map((n) => fold(n));
          const starts = names.some((n) => n.startsWith(q) || words(n).some((w) => tokens.length > 0 && w.startsWith(tokens[0] as string)));
          const contains = names.some((n) => n.includes(q));
          const resolved = q !== '' && ctx.resolver.resolveName(typed).forces.includes(f.id);
          return { f, score: (resolved ? 4 : 0) + (starts ? 2 : 0) + (contains ? 1 : 0) + (ctx.store.holds(f.id) ? 0.5 : 0) };
        })
        .filter((s) => q === '' || s.score >= 1)
        .sort((a, b) => b.score - a.score || a.f.name.localeCompare(b.f.name));
      return scored.slice(0, limit).map((s) => ({ id: s.f.id, name: s.f.name, hasData: ctx.store.holds(s.f.id) }));
    },
    forcesWithData: withData,
    sources() {
      return data.documents.map(withoutText);
    },
    explain(question, conversation) {
      const trimmed = question.trim().slice(0, MAX_QUESTION_LENGTH);
      return explain(trimmed, readQuestion(trimmed, ctx, conversation?.previous?.frame), ctx);
    },
  };
}
