/**
 * Discord's documented limits on message components and modals, as zod schemas the fake server
 * checks what the bot sends against: Discord refuses a message whose buttons break them, and a
 * modal callback likewise, with 400 "Invalid Form Body" (50035). Only what the bot builds is
 * modelled: rows of buttons, and labels around text inputs.
 */
import { z } from 'zod';

const CustomId = z.string().min(1).max(100);

const Button = z
  .object({
    type: z.literal(2),
    style: z.number().int().min(1).max(6),
    label: z.string().min(1).max(80).optional(),
    emoji: z
      .object({ name: z.string().min(1) })
      .loose()
      .optional(),
    custom_id: CustomId.optional(),
    url: z.string().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => b.label !== undefined || b.emoji !== undefined, 'a button needs a label or an emoji')
  .refine(
    (b) => (b.style === 5 ? b.url !== undefined && b.custom_id === undefined : b.custom_id !== undefined && b.url === undefined),
    'a link button has a url, any other a custom_id',
  );

const ActionRow = z.object({ type: z.literal(1), components: z.array(Button).min(1).max(5) });

const MessageComponents = z
  .array(ActionRow)
  .max(5)
  .refine((rows) => {
    const ids = rows.flatMap((row) => row.components.flatMap((c) => (c.custom_id === undefined ? [] : [c.custom_id])));
    return new Set(ids).size === ids.length;
  }, 'custom_id must be unique within a message');

const TextInput = z.object({
  type: z.literal(4),
  custom_id: CustomId,
  style: z.union([z.literal(1), z.literal(2)]),
  // Inside a label, the label is the label component's.
  label: z.undefined().optional(),
  min_length: z.number().int().min(0).max(4000).optional(),
  max_length: z.number().int().min(1).max(4000).optional(),
  required: z.boolean().optional(),
  value: z.string().max(4000).optional(),
  placeholder: z.string().max(100).optional(),
});

const Label = z.object({ type: z.literal(18), label: z.string().min(1).max(45), description: z.string().max(100).optional(), component: TextInput });

/** A modal as the bot opens it (interaction callback type 9). */
export const ModalData = z.object({ custom_id: CustomId, title: z.string().min(1).max(45), components: z.array(Label).min(1).max(5) });
export type ModalData = z.infer<typeof ModalData>;

function firstProblem(result: { success: true } | { success: false; error: z.ZodError }): string | undefined {
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`;
}

/** Why Discord would refuse a message's components, or undefined when it would take them. */
export function componentsProblem(components: unknown): string | undefined {
  return components === undefined || components === null ? undefined : firstProblem(MessageComponents.safeParse(components));
}

/** Why Discord would refuse to open a modal, or undefined when it would open it. */
export function modalProblem(data: unknown): string | undefined {
  return firstProblem(ModalData.safeParse(data));
}
