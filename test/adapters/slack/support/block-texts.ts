/** Reading Block Kit JSON in tests: every text object (mrkdwn or plain_text) a block holds, in order. */
export function blockTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(blockTexts);
  if (typeof node !== 'object' || node === null) return [];
  const { type, text } = node as { type?: unknown; text?: unknown };
  if ((type === 'mrkdwn' || type === 'plain_text') && typeof text === 'string') return [text];
  return Object.values(node).flatMap(blockTexts);
}
