/**
 * What a running bot says about itself: each platform's state (starting, ready, reconnecting,
 * down, stopped) and whether its shared state answers. Served as JSON at `/healthz` beside the
 * Slack endpoint (or on HEALTH_PORT), and read by `forcewatch health`, which prints it and exits
 * non-zero unless every platform is ready.
 */
import { z } from 'zod';
import type { StatePort } from './state/port.ts';

/** Where the report is served, beside the Slack endpoint or on HEALTH_PORT. */
export const HEALTH_PATH = '/healthz';

export const PLATFORM_STATES = ['starting', 'ready', 'reconnecting', 'down', 'stopped'] as const;
export type PlatformState = (typeof PLATFORM_STATES)[number];

/** The JSON `/healthz` answers with. */
export const HealthReport = z.object({
  ok: z.boolean(),
  platforms: z.record(z.string(), z.object({ state: z.enum(PLATFORM_STATES), detail: z.string().optional() })),
  state: z.object({ kind: z.enum(['in-process', 'redis']), ok: z.boolean() }),
});
export type HealthReport = z.infer<typeof HealthReport>;

/** Each platform's latest state, as the adapters report it. */
export class HealthBoard {
  readonly #platforms = new Map<string, { state: PlatformState; detail?: string }>();

  constructor(readonly state: StatePort) {}

  /** Records a platform's state; `detail` says why it is not ready (a close code, say). */
  set(platform: string, state: PlatformState, detail?: string): void {
    this.#platforms.set(platform, detail === undefined ? { state } : { state, detail });
  }

  /** The report: ok only when every platform is ready and the shared state answers. */
  async report(): Promise<HealthReport> {
    const stateOk = await this.state.ping();
    const platforms = Object.fromEntries(this.#platforms);
    const ok = stateOk && this.#platforms.size > 0 && [...this.#platforms.values()].every((p) => p.state === 'ready');
    return { ok, platforms, state: { kind: this.state.kind, ok: stateOk } };
  }
}
