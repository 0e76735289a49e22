/**
 * What `forcewatch report --json` shows once a bot has recorded feedback into an embedded store:
 * the bot is stopped first (it finishes the clicks in hand) and its recorder closed (letting the
 * command open the database), as an operator would read the report after a run.
 */
import { expect } from 'vitest';
import type { FeedbackRecorder, FeedbackReport } from '../../../src/index.ts';
import { forcewatch } from '../../cli/support/run-cli.ts';

export async function reportAfter(stop: () => Promise<void>, recorder: FeedbackRecorder, stateDir: string): Promise<FeedbackReport> {
  await stop();
  await recorder.close();
  const run = forcewatch(['report', '--json'], { env: { FORCEWATCH_STATE_DIR: stateDir } });
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as FeedbackReport;
}
