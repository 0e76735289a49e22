/**
 * The "Every figure" button under a force card's summary, and its click. The button's custom_id
 * carries only the force's id (`fw-more:<id>`, within Discord's 100 characters, read back with
 * zod); a click is deferred privately at once, then answered with every figure of the card as
 * ephemeral messages to the clicker. A force the engine no longer knows gets its "I don't know" answer.
 */
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponentWithCustomId, type ButtonInteraction } from 'discord.js';
import { z } from 'zod';
import { type Answer, restOf } from '../../src/index.ts';
import type { QuestionContext, QuestionStatus } from '../shared/answer-desk.ts';
import { answerThrough, deferred, feedbackOffer, interactionSender, NO_PINGS } from './deliver.ts';
import { CUSTOM_ID_MAX } from './feedback/controls.ts';
import type { HandlerContext } from './interactions.ts';
import { MORE_LABEL } from './render-embeds.ts';
import { logFailure } from './safe-log.ts';

const PREFIX = 'fw-more:';

/** The force id a custom_id of this button carries; anything else fails to parse. */
export const MoreCustomId = z
  .string()
  .max(CUSTOM_ID_MAX)
  .startsWith(PREFIX)
  .transform((id) => id.slice(PREFIX.length))
  .pipe(z.string().min(1));

/** The button under an answer that leads a force card with its summary; none for any other answer,
 * or when the force's id would not fit in a custom_id. */
export function moreRow(answer: Answer): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const rest = restOf(answer.blocks);
  const customId = rest === undefined ? undefined : `${PREFIX}${rest.force}`;
  if (customId === undefined || customId.length > CUSTOM_ID_MAX) return [];
  return [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: customId, label: MORE_LABEL }] }];
}

/** Answers a click on the button with every figure of the card, privately; never throws. */
export function handleMore(interaction: ButtonInteraction, force: string, ctx: HandlerContext): Promise<void> {
  const meta = { kind: 'more', user: interaction.user.id, channel: interaction.channelId ?? 'dm', text: force };
  const notify = (text: string, { log }: QuestionContext) =>
    interaction
      .reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS })
      .then(() => undefined)
      .catch((error: unknown) => logFailure(log, ctx.secrets, error, 'could not post a notice'));
  return ctx.desk.handle(meta, (q) => answerClick(interaction, force, ctx, q), notify);
}

async function answerClick(interaction: ButtonInteraction, force: string, ctx: HandlerContext, question: QuestionContext): Promise<QuestionStatus> {
  const log = question.log.child({ interaction: interaction.id });
  if (!(await deferred(interaction, true, log, ctx.secrets))) return 'failed';
  const offer = feedbackOffer(ctx.feedback, 'slash_command', interaction.id);
  return answerThrough(interactionSender(interaction, true), () => ctx.engine.forceCard(force, { full: true }), log, ctx.secrets, undefined, offer);
}
