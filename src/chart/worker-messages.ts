/**
 * The messages between the main thread and the chart render worker. Each side checks what it
 * receives with these schemas: to either side the other is an outside input.
 */
import { z } from 'zod';

const Id = z.number().int().nonnegative();

/** Draw `spec` as a PNG. The spec is checked by the worker with ChartSpec, so that a bad one is
 * answered as that request's error rather than taken for a broken message. */
export const RenderRequest = z.object({ id: Id, spec: z.unknown() });
export type RenderRequest = z.infer<typeof RenderRequest>;

/** The answer to the request of the same id: the PNG's bytes (transferred, not copied), or why the
 * chart could not be drawn. */
export const RenderReply = z.discriminatedUnion('ok', [
  z.object({ id: Id, ok: z.literal(true), png: z.instanceof(ArrayBuffer) }),
  z.object({ id: Id, ok: z.literal(false), error: z.string() }),
]);
export type RenderReply = z.infer<typeof RenderReply>;
