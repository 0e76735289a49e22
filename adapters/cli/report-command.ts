/**
 * `forcewatch report`: reads the feedback store and prints what a maintainer acts on, as text or
 * as `{ ratings, reports, declined }` JSON.
 */
import {
  createFeedbackRecorder,
  embeddedDatabaseExists,
  feedbackReport,
  reportText,
  type Engine,
  type FeedbackConfig,
  type Logger,
  type StoredSummary,
} from '../../src/index.ts';

const NOTHING: StoredSummary = { ratings: [], reports: [], declined: { byReason: [], byMeasureAndForce: [] } };

/** The report's text or JSON. A state folder with no database yet reports nothing rather than
 * creating one. */
export async function reportOutput(
  engine: Engine,
  config: FeedbackConfig,
  logger: Logger,
  options: { since?: { date: Date; text: string }; json: boolean },
): Promise<string> {
  let summary = NOTHING;
  if (config.store.kind === 'postgres' || embeddedDatabaseExists(config.store.stateDir)) {
    const recorder = createFeedbackRecorder(config, logger);
    try {
      summary = await recorder.summary(options.since?.date);
    } finally {
      await recorder.close();
    }
  }
  const report = feedbackReport(summary, engine);
  return options.json ? JSON.stringify(report) : reportText(report, engine, options.since?.text);
}
