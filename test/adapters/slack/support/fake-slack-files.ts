/**
 * Slack's external file upload, as the fake Web API serves it: `files.getUploadURLExternal` hands
 * out a file id and a one-time upload URL for a declared name and length; the file's bytes are
 * POSTed there (raw, or as multipart form data, both of which Slack takes), answered `200 OK - n`;
 * `files.completeUploadExternal` then shares uploaded files, with their titles, in a channel or a
 * thread. Error codes for calls out of order are this fake's own choice: what matters to the tests
 * is that they fail.
 */
import { z } from 'zod';

/** A file as the fake holds it: declared, then uploaded, then shared. */
export interface FakeSlackFile {
  id: string;
  filename: string;
  /** The length declared in files.getUploadURLExternal. */
  length: number;
  altText?: string;
  /** The bytes the upload URL received. */
  data?: Buffer;
  /** What the upload's Content-Type said (a multipart part's own type when one was sent). */
  contentType?: string;
  /** Set by files.completeUploadExternal. */
  shared?: { channel: string; threadTs?: string; title?: string };
}

const CompleteFiles = z.array(z.object({ id: z.string(), title: z.string().optional() }).loose()).min(1);
const UPLOAD_PATH = '/upload/v1/';

/** The fake's file store; `baseUrl` is the fake server's own address, where upload URLs point. */
export class FakeSlackFiles {
  readonly files: FakeSlackFile[] = [];
  #next = 0;

  constructor(public baseUrl: string) {}

  /** Whether `path` is an upload URL this store handed out. */
  static isUpload(path: string): boolean {
    return path.startsWith(UPLOAD_PATH);
  }

  /** files.getUploadURLExternal. */
  getUploadUrl(body: Record<string, unknown>): Record<string, unknown> {
    const length = Number(body.length);
    if (typeof body.filename !== 'string' || body.filename === '' || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
    this.#next += 1;
    const id = `F0TEST${String(this.#next).padStart(4, '0')}`;
    this.files.push({ id, filename: body.filename, length, ...(typeof body.alt_text === 'string' ? { altText: body.alt_text } : {}) });
    return { ok: true, upload_url: `${this.baseUrl}${UPLOAD_PATH}${id}`, file_id: id };
  }

  /** The POST to an upload URL: [status, body]. A URL takes one upload. */
  async upload(path: string, raw: Buffer, contentType: string | undefined): Promise<[number, string]> {
    const file = this.files.find((f) => `${UPLOAD_PATH}${f.id}` === path);
    if (file === undefined || file.data !== undefined) return [404, 'Not Found'];
    let data = raw;
    let type = contentType;
    if (contentType?.startsWith('multipart/form-data')) {
      // The platform's own multipart parser, as a server would use one.
      const form = await new Request('http://fake.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(raw),
      }).formData();
      const part = [...form.values()].find((v): v is File => typeof v !== 'string');
      if (part === undefined) return [400, 'no file in the form'];
      data = Buffer.from(await part.arrayBuffer());
      type = part.type;
    }
    file.data = data;
    if (type !== undefined) file.contentType = type;
    return [200, `OK - ${data.length}`];
  }

  /** files.completeUploadExternal: each file must have been uploaded whole. */
  complete(body: Record<string, unknown>): Record<string, unknown> {
    const listed = CompleteFiles.safeParse(body.files);
    if (!listed.success) return { ok: false, error: 'invalid_arguments' };
    const files = listed.data.map(({ id, title }) => ({ file: this.files.find((f) => f.id === id), title }));
    if (files.some(({ file }) => file?.data === undefined || file.data.length !== file.length)) return { ok: false, error: 'file_not_found' };
    const channel = typeof body.channel_id === 'string' ? body.channel_id : undefined;
    for (const { file, title } of files) {
      if (file === undefined || channel === undefined) continue;
      file.shared = { channel, ...(typeof body.thread_ts === 'string' ? { threadTs: body.thread_ts } : {}), ...(title === undefined ? {} : { title }) };
    }
    return {
      ok: true,
      files: files.map(({ file, title }) => ({ id: file?.id, title: title ?? file?.filename, name: file?.filename, size: file?.data?.length })),
    };
  }
}
