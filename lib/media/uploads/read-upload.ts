// Reads one multipart upload (`file` field) with a byte cap enforced while the body streams in,
// so an oversized upload is refused with 413 before it is buffered whole.
import { AppError } from "@/lib/errors";
import { assertStorableText } from "@/lib/http/text-safety";

export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
  /** The other text fields of the form (language, prompt, …). */
  fields: Record<string, string>;
}

/** Room for the multipart boundaries and the small text fields next to the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
}

async function readCapped(req: Request, capBytes: number, maxBytes: number): Promise<Buffer<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > capBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > capBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readUpload(req: Request, { maxBytes }: { maxBytes: number }): Promise<ReceivedFile> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the file as multipart/form-data in a field named `file`.");
  }
  const raw = await readCapped(req, maxBytes + FORM_OVERHEAD_BYTES, maxBytes);
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData().catch(() => {
    throw new AppError("invalid_upload", "The multipart body is malformed or cut short.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_upload", "Attach the file in a form field named `file`.");
  if (file.size > maxBytes) throw tooLarge(maxBytes);
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") fields[name] = value;
  assertStorableText({ name: file.name, ...fields });
  return { name: file.name.slice(0, 255) || "upload", bytes: new Uint8Array(await file.arrayBuffer()), fields };
}
