/**
 * `forcewatch health`: asks a running bot for its `/healthz` report and prints each platform's
 * state, one line each. Exits 0 when every platform is ready, 1 when one is not (or the shared
 * state does not answer), 2 when no bot answered at all. The address is HEALTH_URL, else
 * `http://127.0.0.1:<HEALTH_PORT or PORT or 3000>/healthz`.
 */
import { z } from 'zod';
import { DEFAULT_PORT } from '../slack/config.ts';
import { HEALTH_PATH, HealthReport } from './health.ts';

/** How long to wait for the bot's answer. */
export const HEALTH_TIMEOUT_MS = 5_000;

const HealthEnv = z.object({
  HEALTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  HEALTH_PORT: z.string().regex(/^\d+$/).optional(),
  PORT: z.string().regex(/^\d+$/).optional(),
});

/** Where the report is asked for, from the environment. */
export function healthUrl(env: NodeJS.ProcessEnv): string {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const parsed = HealthEnv.safeParse({ HEALTH_URL: blank(env.HEALTH_URL), HEALTH_PORT: blank(env.HEALTH_PORT), PORT: blank(env.PORT) });
  if (!parsed.success) throw new Error(`forcewatch health: ${parsed.error.issues.map((i) => `${i.path.join('.')} is malformed`).join('; ')}`);
  const { HEALTH_URL, HEALTH_PORT, PORT } = parsed.data;
  return HEALTH_URL ?? `http://127.0.0.1:${HEALTH_PORT ?? PORT ?? DEFAULT_PORT}${HEALTH_PATH}`;
}

/** The report in words, one line per platform and one for the shared state. */
export function describeHealth(report: HealthReport): string {
  const platforms = Object.entries(report.platforms).map(([name, p]) => `${name}: ${p.state}${p.detail === undefined ? '' : ` (${p.detail})`}`);
  const state = `state: ${report.state.kind}${report.state.ok ? '' : ' (not answering)'}`;
  return [...(platforms.length > 0 ? platforms : ['no platform running']), state, report.ok ? 'healthy' : 'NOT healthy'].join('\n');
}

/** Runs the command; resolves with the exit code. */
export async function runHealthCommand(env: NodeJS.ProcessEnv, out: NodeJS.WritableStream): Promise<number> {
  const url = healthUrl(env);
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    body = await response.json();
  } catch (error) {
    out.write(
      `No bot answered at ${url} (${error instanceof Error ? error.message : String(error)}). Set HEALTH_URL, HEALTH_PORT or PORT to where it listens.\n`,
    );
    return 2;
  }
  const report = HealthReport.safeParse(body);
  if (!report.success) {
    out.write(`${url} did not answer with a Forcewatch health report.\n`);
    return 2;
  }
  out.write(`${describeHealth(report.data)}\n`);
  return report.data.ok ? 0 : 1;
}
