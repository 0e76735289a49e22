/**
 * Discord's 👍 / 👎 and "Report a wrong figure": the row of buttons under an answer, the report
 * modal (a label around a paragraph text input), and the custom_id each carries: `fw:<what>:<answer
 * id>`, within Discord's 100 characters, read back with zod. Pure JSON, no client.
 */
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { z } from 'zod';
import { FEEDBACK_LABELS, NOTE_MAX } from '../../shared/feedback/feedback-words.ts';

/** Discord's longest custom_id. */
export const CUSTOM_ID_MAX = 100;
/** The text input's custom_id inside the report modal. */
export const NOTE_INPUT = 'note';

/** What a control asks: a rating, the report form, or (the modal's own id) a submitted report. */
export const FeedbackAction = z.enum(['up', 'down', 'report', 'note']);
export type FeedbackAction = z.infer<typeof FeedbackAction>;

const customId = (action: FeedbackAction, answerId: string) => `fw:${action}:${answerId}`;

/** A custom_id of ours, read back; anything else fails to parse. */
export const FeedbackCustomId = z
  .string()
  .max(CUSTOM_ID_MAX)
  .regex(/^fw:[a-z]+:.+$/)
  .transform((id) => {
    const [, action = '', ...rest] = id.split(':');
    return { action, answerId: rest.join(':') };
  })
  .pipe(z.object({ action: FeedbackAction, answerId: z.string().min(1) }));

/** The buttons under an answer, or none when its id would not fit in a custom_id. */
export function feedbackRow(answerId: string): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (customId('report', answerId).length > CUSTOM_ID_MAX) return [];
  const emojiButton = (action: 'up' | 'down', emoji: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId(action, answerId),
    emoji: { name: emoji },
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        emojiButton('up', FEEDBACK_LABELS.up),
        emojiButton('down', FEEDBACK_LABELS.down),
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId('report', answerId), label: FEEDBACK_LABELS.report },
      ],
    },
  ];
}

/** The "Report a wrong figure" modal for one answer; its submission carries the answer's id back. */
export function reportModal(answerId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId('note', answerId),
    title: FEEDBACK_LABELS.formTitle,
    components: [
      {
        type: ComponentType.Label,
        label: FEEDBACK_LABELS.noteLabel,
        description: FEEDBACK_LABELS.noteHint,
        component: {
          type: ComponentType.TextInput,
          custom_id: NOTE_INPUT,
          style: TextInputStyle.Paragraph,
          min_length: 1,
          max_length: NOTE_MAX,
          required: true,
        },
      },
    ],
  };
}
