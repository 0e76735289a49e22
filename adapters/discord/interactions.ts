/**
 * Slash commands, buttons and autocomplete: `/ask` and `/force` are deferred at once (Discord allows
 * three seconds for the first response), answered by the engine, then the deferred reply is edited
 * with the embeds. A click on "Every figure" goes to more-card.ts, feedback controls to feedback/.
 * Autocomplete answers straight away: the force register is in memory.
 */
import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Answer, Engine, Logger } from '../../src/index.ts';
import type { AnswerDesk, QuestionContext, QuestionStatus } from '../shared/answer-desk.ts';
import type { AnswerFeedback } from '../shared/feedback/answer-feedback.ts';
import { ASK_COMMAND, AUTOCOMPLETE_CHOICES_LIMIT, CHOICE_NAME_LIMIT, FORCE_COMMAND, NAME_OPTION, PRIVATE_OPTION, QUESTION_OPTION } from './commands.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import type { DeferredReplies, DeferredReply } from './deferred.ts';
import { answerThrough, deferred, feedbackOffer, interactionSender, NO_PINGS } from './deliver.ts';
import { handleFeedback } from './feedback/handle.ts';
import { handleMore, MoreCustomId } from './more-card.ts';
import { truncate } from './render-embeds.ts';
import { logFailure } from './safe-log.ts';

/** What every handler needs: the engine, a logger, the conversation memory, the secrets to scrub,
 * and the desk every question passes through (limits, in-flight tracking, summary log line). */
export interface HandlerContext {
  engine: Engine;
  log: Logger;
  memory: ConversationMemory;
  secrets: readonly string[];
  desk: AnswerDesk;
  /** With REDIS_URL: deferred replies recorded, so another process completes one this one leaves. */
  deferred?: DeferredReplies;
  /** Keeps answers for their 👍 / 👎 and report buttons; without it answers carry none. */
  feedback?: AnswerFeedback;
}

/** What a command asks of the engine. */
export function askFor(engine: Engine, command: typeof ASK_COMMAND | typeof FORCE_COMMAND, value: string): Answer {
  return command === ASK_COMMAND ? engine.answer(value) : engine.forceCard(value);
}

/** Routes one interaction. Failures are logged and, where the interaction allows, told to the user. */
export async function handleInteraction(interaction: Interaction, ctx: HandlerContext): Promise<void> {
  if (interaction.isAutocomplete()) return suggestForces(interaction, ctx);
  if (interaction.isButton()) {
    const more = MoreCustomId.safeParse(interaction.customId);
    if (more.success) return handleMore(interaction, more.data, ctx);
  }
  if (interaction.isButton() || interaction.isModalSubmit()) {
    return ctx.feedback === undefined ? undefined : handleFeedback(interaction, { feedback: ctx.feedback, log: ctx.log, secrets: ctx.secrets });
  }
  if (!interaction.isChatInputCommand()) return;
  const { commandName } = interaction;
  if (commandName !== ASK_COMMAND && commandName !== FORCE_COMMAND) {
    ctx.log.warn({ command: commandName }, 'unknown command; run npm run discord:register');
    return;
  }
  // Discord enforces required options, but a compatible server may not: without one, the engine
  // says what it needs (a force's name) or what it can do, privately.
  const value = interaction.options.getString(commandName === ASK_COMMAND ? QUESTION_OPTION : NAME_OPTION)?.trim() ?? '';
  const ask = () => askFor(ctx.engine, commandName, value);
  const meta = { kind: `command:${commandName}`, user: interaction.user.id, channel: interaction.channelId ?? 'dm', text: value };
  const notify = (text: string, { log }: QuestionContext) =>
    interaction
      .reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS })
      .then(() => undefined)
      .catch((error: unknown) => logFailure(log, ctx.secrets, error, 'could not post a notice'));
  return ctx.desk.handle(meta, (q) => answerCommand(interaction, ctx, q, ask, { command: commandName, value }), notify);
}

async function suggestForces(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<void> {
  if (interaction.commandName !== FORCE_COMMAND) return;
  try {
    // The focused option is the one being typed; a server that does not mark it still sends `name`.
    const options = interaction.options.data;
    const typed = String((options.find((o) => o.focused) ?? options.find((o) => o.name === NAME_OPTION))?.value ?? '');
    const choices = ctx.engine.suggestForces(typed, AUTOCOMPLETE_CHOICES_LIMIT).map((force) => ({
      // Forces without figures are still offered (the card says what we hold instead), but marked.
      name: truncate(force.hasData ? force.name : `${force.name} (no figures held)`, CHOICE_NAME_LIMIT),
      value: force.id,
    }));
    await interaction.respond(choices.slice(0, AUTOCOMPLETE_CHOICES_LIMIT));
  } catch (error) {
    logFailure(ctx.log, ctx.secrets, error, 'autocomplete failed');
  }
}

async function answerCommand(
  interaction: ChatInputCommandInteraction,
  ctx: HandlerContext,
  question: QuestionContext,
  ask: () => Answer,
  asked: Pick<DeferredReply, 'command' | 'value'>,
): Promise<QuestionStatus> {
  // Help for a command without its option is for the asker alone.
  const isPrivate = asked.value === '' || (interaction.options.getBoolean(PRIVATE_OPTION) ?? false);
  const log = question.log.child({ interaction: interaction.id, command: interaction.commandName });
  if (!(await deferred(interaction, isPrivate, log, ctx.secrets))) return 'failed';
  log.debug({ private: isPrivate }, 'answering command');
  // Nobody can reply to an ephemeral message, so only public answers offer a follow-up. A failure
  // notice replaces "thinking…" or, after part of the answer, follows it.
  // A command with nothing in its option gets help: no answer to rate, nor a declined question.
  const offer = asked.value === '' ? undefined : feedbackOffer(ctx.feedback, 'slash_command', interaction.id);
  const answer = () => answerThrough(interactionSender(interaction, isPrivate), ask, log, ctx.secrets, isPrivate ? undefined : ctx.memory, offer);
  if (ctx.deferred === undefined) return answer();
  const record = {
    ...asked,
    id: interaction.id,
    token: interaction.token,
    applicationId: interaction.applicationId,
    private: isPrivate,
    deferredAt: Date.now(),
  };
  return ctx.deferred.hold(record, answer);
}
