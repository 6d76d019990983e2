// OCR of a stored image: asked for through the API (cached per image and language), run as a
// job by the `media-ocr-image` function.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startJob } from "@/lib/jobs/dispatch";
import { setJobProgress } from "@/lib/jobs/service";
import { readImageFile } from "../images/service";
import { imageOcrRequested } from "./events";
import { recognise, toOcrInput } from "./engine";
import type { OcrLanguageCode } from "./languages";
import type { OcrResultView } from "./schemas";

type OcrLanguage = OcrLanguageCode | "auto";

const ocrSelect = { imageId: true, language: true, detected: true, text: true, confidence: true, durationMs: true, createdAt: true } as const;

async function cachedOcr(imageId: string, language: OcrLanguage): Promise<OcrResultView | null> {
  return db().imageOcr.findUnique({ where: { imageId_language: { imageId, language } }, select: ocrSelect });
}

export type OcrRequestOutcome = { status: "done"; result: OcrResultView } | { status: "queued"; jobId: string };

/** A cached result at once, or a job to poll. */
export async function requestImageOcr(options: { userId: string; imageId: string; language: OcrLanguage }): Promise<OcrRequestOutcome> {
  const image = await db().image.findFirst({ where: { id: options.imageId, userId: options.userId }, select: { id: true, mime: true } });
  if (!image) throw new AppError("not_found", "No such image.");
  if (image.mime === "application/pdf") {
    throw new AppError("unsupported_media_type", "OCR reads images (JPG, PNG, WebP, GIF); for a PDF, upload its pages as images.");
  }
  const cached = await cachedOcr(image.id, options.language);
  if (cached) return { status: "done", result: cached };
  const jobId = await startJob(imageOcrRequested, { userId: options.userId, imageId: image.id, language: options.language });
  return { status: "queued", jobId };
}

/** The job's work: read the file, recognise, store. Idempotent: a cached result is returned as is. */
export async function runImageOcr(options: { jobId?: string; userId: string; imageId: string; language: OcrLanguage }): Promise<OcrResultView> {
  const cached = await cachedOcr(options.imageId, options.language);
  if (cached) return cached;
  const file = await readImageFile({ userId: options.userId, imageId: options.imageId });
  const started = performance.now();
  const png = await toOcrInput(file.bytes);
  let reported = 0;
  const read = await recognise(png, options.language, (fraction) => {
    const percent = 10 + Math.round(fraction * 85);
    if (options.jobId && percent >= reported + 10) {
      reported = percent;
      void setJobProgress(options.jobId, percent).catch(() => undefined);
    }
  });
  return db().imageOcr.upsert({
    where: { imageId_language: { imageId: options.imageId, language: options.language } },
    create: {
      imageId: options.imageId,
      language: options.language,
      detected: read.language,
      text: read.text,
      confidence: read.confidence,
      durationMs: Math.round(performance.now() - started),
    },
    update: {},
    select: ocrSelect,
  });
}
