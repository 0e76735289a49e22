/**
 * Message bodies with files, read as Discord reads them: multipart form data whose `payload_json`
 * part is the message and whose `files[n]` parts are the files, each described in the message's
 * `attachments` by its n. An attachment that names no uploaded file is refused as Discord refuses
 * it (400, Invalid Form Body).
 */
import { z } from 'zod';

/** A file part of a message request. */
export interface ReceivedFile {
  /** Its n in `files[n]`. */
  index: number;
  filename: string;
  contentType: string;
  data: Buffer;
}

const Attachments = z
  .object({ attachments: z.array(z.object({ id: z.union([z.string(), z.number()]), description: z.string().optional() }).loose()).optional() })
  .loose();

/** The JSON body and the files of a request; a JSON request has no files. */
export async function readBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: ReceivedFile[] }> {
  if (!contentType?.startsWith('multipart/form-data')) return { body: raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown), files: [] };
  // The platform's own multipart parser, as a server would use one.
  const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(raw) }).formData();
  const payload = form.get('payload_json');
  const files: ReceivedFile[] = [];
  for (const [field, value] of form.entries()) {
    const index = /^files\[(\d+)\]$/.exec(field)?.[1];
    if (index === undefined || typeof value === 'string') continue;
    files.push({ index: Number(index), filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body: typeof payload === 'string' ? (JSON.parse(payload) as unknown) : undefined, files };
}

/** Discord's answer to attachments that name files the request did not upload, or undefined when they all match. */
export function attachmentError(body: unknown, files: readonly ReceivedFile[]): [number, unknown] | undefined {
  const attachments = Attachments.safeParse(body ?? {}).data?.attachments ?? [];
  const missing = attachments.findIndex((a) => !files.some((f) => String(f.index) === String(a.id)));
  if (missing === -1) return undefined;
  return [
    400,
    {
      message: 'Invalid Form Body',
      code: 50035,
      errors: { attachments: { [missing]: { _errors: [{ code: 'ATTACHMENT_NOT_FOUND', message: 'Attachment data not found' }] } } },
    },
  ];
}

/** The attachments of a created message, as Discord returns them. */
export function attachmentPayloads(body: unknown, files: readonly ReceivedFile[], snowflake: () => string, baseUrl: string): Record<string, unknown>[] {
  const attachments = Attachments.safeParse(body ?? {}).data?.attachments ?? [];
  return files.map((f) => {
    const id = snowflake();
    const description = attachments.find((a) => String(a.id) === String(f.index))?.description;
    return {
      id,
      filename: f.filename,
      size: f.data.length,
      content_type: f.contentType,
      url: `${baseUrl}/attachments/${id}/${f.filename}`,
      proxy_url: `${baseUrl}/attachments/${id}/${f.filename}`,
      ...(description === undefined ? {} : { description }),
    };
  });
}
