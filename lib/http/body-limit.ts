// Request bodies are read up to a cap and no further: a client that sends more gets 413
// without the server buffering the rest.
import { AppError } from "@/lib/errors";

/** JSON bodies: far above any form or chat message, far below what would hurt memory. */
export const DEFAULT_JSON_BODY_LIMIT_BYTES = 1024 * 1024;

function tooLarge(limitBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is over ${Math.floor(limitBytes / 1024)} KB.`);
}

/** The body as text, refused with 413 as soon as it passes `limitBytes` (or says it will). */
export async function readBodyText(req: Request, limitBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
