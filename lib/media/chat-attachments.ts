// What the chat needs from media: the images a message attaches (checked against their owner),
// their bytes for a vision model, or the text read from them (OCR, run as a job and cached)
// for a text-only one.
// OCR runs when a text-only model first needs an image's text, not at upload: `auto` reads up to
// six scripts (seconds of CPU a page) and most images go to vision models that never need it. The
// turn then waits for the job's completion announcement (lib/jobs/completion.ts), not a poll.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { waitForJob } from "@/lib/jobs/completion";
import { readImageFile } from "./images/service";
import { requestImageOcr } from "./ocr/service";

/** OCR of a large scan takes seconds; a chat turn waits this long before going on without it. */
const OCR_WAIT_MS = 60_000;

export interface ChatImage {
  imageId: string;
  name: string;
  mime: string;
  width: number | null;
  height: number | null;
}

/** The user's images, in the order asked; another user's or a missing id is a 404, a PDF a 415. */
export async function findChatImages(options: { userId: string; imageIds: string[] }): Promise<ChatImage[]> {
  const ids = [...new Set(options.imageIds)];
  if (ids.length === 0) return [];
  const rows = await db().image.findMany({
    where: { id: { in: ids }, userId: options.userId },
    select: { id: true, originalName: true, mime: true, width: true, height: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((imageId) => {
    const row = byId.get(imageId);
    if (!row) throw new AppError("not_found", `No such image: ${imageId}.`);
    if (row.mime === "application/pdf") {
      throw new AppError("unsupported_media_type", "PDFs cannot be attached to a chat message; attach its pages as images.");
    }
    return { imageId, name: row.originalName, mime: row.mime, width: row.width, height: row.height };
  });
}

/** The stored image (EXIF already stripped), or null when it was deleted since. */
export async function readChatImage(options: { userId: string; imageId: string }) {
  return readImageFile(options).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
}

/**
 * The text in an image (auto language): the cached OCR at once, or the OCR job's result once
 * it finishes. Null when the image is gone or the text could not be read in time.
 */
export async function readChatImageText(options: { userId: string; imageId: string; signal?: AbortSignal }): Promise<string | null> {
  let outcome;
  try {
    outcome = await requestImageOcr({ userId: options.userId, imageId: options.imageId, language: "auto" });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
  if (outcome.status === "done") return outcome.result.text;
  const job = await waitForJob(outcome.jobId, { timeoutMs: OCR_WAIT_MS, signal: options.signal });
  if (job.status !== "done") return null;
  return (job.output as { text?: string } | null)?.text ?? null;
}
