/**
 * What a private answer (from `/force`, `/ask` or the "Every figure" button) carries to its Share button, and how the share
 * listener answers it again: Slack does not send an ephemeral message's content back with a
 * click, and the engine is deterministic over its data.
 */
import type { Answer, Engine } from '../../../src/index.ts';
import type { ShareValue } from '../payloads.ts';
import { BUTTON_VALUE_MAX } from '../render-blocks.ts';

/** The share button's value, or undefined when the question is too long to carry in one. Its `<`,
 * `>` and `&` are written as JSON escapes, so a mention the user typed ("<!channel>") is never in
 * the message as such, and the question still reads back exactly when the button is clicked. */
export function shareValue(value: ShareValue): string | undefined {
  const encoded = JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return encoded.length <= BUTTON_VALUE_MAX ? encoded : undefined;
}

/** The answer a command, the "Every figure" button, or the share of either gives. */
export function answerFor(engine: Engine, value: ShareValue): Answer {
  if (value.k === 'ask') return engine.answer(value.q);
  return engine.forceCard(value.q, { full: value.k === 'all' });
}
