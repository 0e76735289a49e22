/**
 * The fake Web API's modals: `views.open` as Slack serves it. A modal opens only for a trigger_id
 * issued with a click less than three seconds before, once, and only when it keeps within Block
 * Kit's limits; Slack returns the view with its id, state and hash, and sends the same view back
 * when it is submitted.
 */
import { viewProblem } from './block-kit-limits.ts';

/** A trigger_id opens a modal only this soon after the click that brought it, as on Slack. */
export const TRIGGER_LIFETIME_MS = 3_000;

/** A modal opened with views.open, as Slack returns it (and sends it back on submission). */
export interface OpenedView {
  id: string;
  team_id: string;
  type: 'modal';
  callback_id?: string;
  private_metadata?: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  state: { values: Record<string, unknown> };
  hash: string;
}

export class FakeSlackViews {
  /** Modals opened, in order. */
  readonly opened: OpenedView[] = [];
  /** trigger_id → when it was issued; taken out when used. */
  readonly #triggers = new Map<string, number>();
  #count = 0;

  constructor(readonly teamId: string) {}

  /** A trigger_id for a click's payload. */
  issueTrigger(): string {
    const id = `${Date.now()}.${++this.#count}.fake`;
    this.#triggers.set(id, Date.now());
    return id;
  }

  /** What views.open answers to `body`. */
  open(body: Record<string, unknown>): Record<string, unknown> {
    const trigger = typeof body.trigger_id === 'string' ? body.trigger_id : '';
    const issued = this.#triggers.get(trigger);
    if (issued === undefined) return { ok: false, error: 'invalid_trigger_id' };
    this.#triggers.delete(trigger);
    if (Date.now() - issued > TRIGGER_LIFETIME_MS) return { ok: false, error: 'expired_trigger_id' };
    const problem = viewProblem(body.view);
    if (problem !== undefined) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
    const n = ++this.#count;
    const view: OpenedView = {
      ...(body.view as Omit<OpenedView, 'id' | 'team_id' | 'state' | 'hash'>),
      id: `V0${String(n).padStart(8, '0')}`,
      team_id: this.teamId,
      state: { values: {} },
      hash: `${Date.now()}.${n}`,
    };
    this.opened.push(view);
    return { ok: true, view };
  }
}
