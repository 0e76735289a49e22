/** Posted answers for the feedback tests, made by the real engine from a user's questions. */
import { loadEngine, postedAnswer, type Engine, type PostedAnswer, type Surface } from '../../../src/index.ts';

let engine: Engine | undefined;

/** The engine on the bundled data, loaded once per test file. */
export function testEngine(): Engine {
  engine ??= loadEngine();
  return engine;
}

export const SLACK_CHANNEL: Surface = { platform: 'slack', conversation: 'channel' };
export const DISCORD_DM: Surface = { platform: 'discord', conversation: 'dm' };

/** The engine's answer to `question`, as posted on `surface`. */
export function ask(question: string, surface: Surface = SLACK_CHANNEL): PostedAnswer {
  return postedAnswer(testEngine().answer(question), surface);
}
