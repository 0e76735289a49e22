/**
 * Recording the terminal's declined and unclear answers (the chat's and `forcewatch ask`'s) for
 * `forcewatch report`, in the background: the answer is shown first, and a store that cannot be
 * written is logged as a warning, never in the way of the next question.
 */
import { createFeedbackRecorder, postedAnswer, type Answer, type FeedbackConfig, type Logger } from '../../src/index.ts';

export interface TerminalFeedback {
  /** Records `answer` when it was declined or unclear; nothing is opened for an answered one. */
  record(answer: Answer): void;
  /** Waits for pending records, then closes the store. */
  close(): Promise<void>;
}

export function terminalFeedback(config: FeedbackConfig, conversation: 'terminal_chat' | 'command_line', logger: Logger): TerminalFeedback {
  const recorder = createFeedbackRecorder(config, logger);
  const log = logger.child({ component: 'feedback' });
  const pending = new Set<Promise<void>>();
  return {
    record(answer) {
      if (answer.status === 'answered') return;
      const work = recorder
        .recordDeclined(postedAnswer(answer, { platform: 'terminal', conversation }))
        .then(
          () => undefined,
          (error: unknown) => log.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not record a declined answer'),
        )
        .finally(() => pending.delete(work));
      pending.add(work);
    },
    async close() {
      await Promise.all(pending);
      await recorder.close();
    },
  };
}
