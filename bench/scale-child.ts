/** Child process entry for one corpus size (see scale-job.ts); its job arrives as JSON in argv. */
import { sendToParent } from './child.ts';
import { ScaleJobSchema } from './messages.ts';
import { runScaleJob } from './scale-job.ts';

const job = ScaleJobSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
let last: Promise<void> = Promise.resolve();
try {
  await runScaleJob(job, (message) => {
    last = sendToParent(message);
  });
} catch (error) {
  last = sendToParent({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
}
await last;
process.disconnect();
