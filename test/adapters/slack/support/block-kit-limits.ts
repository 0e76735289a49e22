/**
 * Block Kit's documented limits on what the adapter sends, as zod schemas the fake Web API checks
 * posts and modals against: Slack refuses a message over them with `invalid_blocks`, and a modal
 * with `invalid_arguments`. Only the limits of what the adapter builds are checked.
 */
import { z } from 'zod';

const plainText = (max: number) => z.object({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });

const Button = z.object({
  type: z.literal('button'),
  action_id: z.string().min(1).max(255),
  text: plainText(75),
  value: z.string().max(2000).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  accessibility_label: z.string().min(1).max(75).optional(),
});

/** Blocks the checks pass over are kept as they are; actions and sections are checked. */
const Block = z.union([
  z.object({ type: z.literal('actions'), block_id: z.string().max(255).optional(), elements: z.array(Button).min(1).max(25) }),
  z.object({ type: z.literal('section'), text: z.object({ type: z.enum(['mrkdwn', 'plain_text']), text: z.string().min(1).max(3000) }) }),
  z.object({ type: z.enum(['context', 'divider', 'header', 'image', 'rich_text']) }).loose(),
]);

const Input = z.object({
  type: z.literal('input'),
  block_id: z.string().max(255).optional(),
  label: plainText(2000),
  hint: plainText(2000).optional(),
  optional: z.boolean().optional(),
  element: z.object({
    type: z.literal('plain_text_input'),
    action_id: z.string().min(1).max(255),
    multiline: z.boolean().optional(),
    min_length: z.number().int().min(0).max(3000).optional(),
    max_length: z.number().int().min(1).max(3000).optional(),
  }),
});

const Modal = z
  .object({
    type: z.literal('modal'),
    title: plainText(24),
    submit: plainText(24).optional(),
    close: plainText(24).optional(),
    callback_id: z.string().max(255).optional(),
    private_metadata: z.string().max(3000).optional(),
    blocks: z
      .array(z.union([Input, Block]))
      .min(1)
      .max(100),
  })
  .refine((view) => view.submit !== undefined || !view.blocks.some((block) => block.type === 'input'), {
    message: 'a modal with an input block needs a submit button',
  });

function firstProblem(result: { success: true } | { success: false; error: z.ZodError }): string | undefined {
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`;
}

/** Why Slack would refuse a message's blocks, or undefined when it would take them. */
export function blockProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  return firstProblem(z.array(Block).max(50).safeParse(blocks));
}

/** Why Slack would refuse to open a modal view, or undefined when it would open it. */
export function viewProblem(view: unknown): string | undefined {
  return firstProblem(Modal.safeParse(view));
}
