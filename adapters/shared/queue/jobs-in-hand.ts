/**
 * The jobs one work-queue process holds (work-queue.ts): each is either worked on, holding one of
 * the process's places, or released by its handler (what is left of it can wait: an answer's chart)
 * and only held, claimed and renewed until it is done. New jobs are taken while a place is free and
 * the held ones are under a bound; the read loop sleeps on {@link JobsInHand.untilRoom} otherwise.
 */

export class JobsInHand {
  /** Every job held, by its stream id. */
  readonly #tasks = new Map<string, Promise<void>>();
  /** Of those, the ones holding a place (not released). */
  readonly #busy = new Set<string>();
  #roomMade: (() => void) | undefined;

  /**
   * @param places jobs worked on at once
   * @param max jobs held at once, released ones included
   */
  constructor(
    readonly places: number,
    readonly max: number,
  ) {}

  /** New jobs that may be taken now. */
  room(): number {
    return Math.min(this.places - this.#busy.size, this.max - this.#tasks.size);
  }

  /** Lapsed jobs that may be taken up again now: they are few, and each may be an unanswered
   * question, so only the bound on jobs held applies. */
  roomToReclaim(): number {
    return this.max - this.#tasks.size;
  }

  has(id: string): boolean {
    return this.#tasks.has(id);
  }

  /** The ids of every job held (whose leases are to be renewed). */
  ids(): string[] {
    return [...this.#tasks.keys()];
  }

  /** Every job held, until each is done. */
  all(): Promise<void>[] {
    return [...this.#tasks.values()];
  }

  get size(): number {
    return this.#tasks.size;
  }

  /** Holds job `id` in a place while `work` runs; `work` is started here, after the place is taken,
   * so that it may release it at once. */
  hold(id: string, work: () => Promise<void>): void {
    this.#busy.add(id);
    const task = work();
    this.#tasks.set(id, task);
    void task.finally(() => {
      this.#tasks.delete(id);
      this.#busy.delete(id);
      this.wake();
    });
  }

  /** Frees the place job `id` holds, if it still holds one; the job stays held. */
  release(id: string): void {
    if (this.#busy.delete(id)) this.wake();
  }

  /** Resolves when a place is freed or a job is done (or {@link JobsInHand.wake} is called). */
  untilRoom(): Promise<void> {
    return new Promise((resolve) => {
      this.#roomMade = resolve;
    });
  }

  /** Wakes whoever waits in {@link JobsInHand.untilRoom}. */
  wake(): void {
    const roomMade = this.#roomMade;
    this.#roomMade = undefined;
    roomMade?.();
  }
}
