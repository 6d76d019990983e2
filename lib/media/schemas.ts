import { z } from "zod";
import { ocrLanguageCodes } from "./ocr-languages";

/** The authorised download of a stored image (the owner's session or API key). */
export const imageFileUrl = (imageId: string) => `/api/v1/images/${imageId}/file`;

export const imageView = z.object({
  id: z.string(),
  mime: z.string().describe("The real type, from the file's magic numbers"),
  bytes: z.int().describe("Size as stored (after EXIF was stripped)"),
  width: z.int().nullable().describe("Pixels; null for PDFs"),
  height: z.int().nullable(),
  pages: z.int(),
  originalName: z.string(),
  createdAt: z.date(),
  url: z.string().describe("Authorised download of the stored file"),
});
export type ImageView = z.infer<typeof imageView>;

export const imageResponse = z.object({ image: imageView });

export const ocrLanguage = z
  .union([z.literal("auto"), z.enum(ocrLanguageCodes)])
  .default("auto")
  .describe("Tesseract language code (`eng`, `urd`, `ara`, `hin`, …) or `auto` to pick the best-reading script");

export const ocrRequest = z.object({ language: ocrLanguage });
export type OcrRequest = z.infer<typeof ocrRequest>;

export const ocrResultView = z.object({
  imageId: z.string(),
  language: z.string().describe("As asked for"),
  detected: z.string().describe("The language the text was read with"),
  text: z.string(),
  confidence: z.number().describe("Tesseract's mean word confidence, 0–100"),
  durationMs: z.int(),
  createdAt: z.date(),
});
export type OcrResultView = z.infer<typeof ocrResultView>;

export const analyzeImageRequest = z.object({
  prompt: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .default("Describe this image in detail. Transcribe any text in it.")
    .describe("What to ask the vision model about the image"),
  model: z.string().max(200).optional().describe("A vision-capable model id from GET /api/v1/chat/models; unset → the first available"),
});
export type AnalyzeImageRequest = z.infer<typeof analyzeImageRequest>;

export const jobStartedView = z.object({
  jobId: z.string().describe("Poll GET /api/v1/jobs/:id for progress and the result"),
  status: z.enum(["queued", "running", "done", "failed"]),
});
export type JobStartedView = z.infer<typeof jobStartedView>;

/** POST /api/v1/images/:id/ocr — a cached reading at once (200), or a job to poll (202). */
export const ocrDone = z.object({ status: z.literal("done"), result: ocrResultView });
export const ocrQueued = z.object({ status: z.literal("queued"), jobId: z.string().describe("Poll GET /api/v1/jobs/:id") });
export type OcrOutcomeView = z.infer<typeof ocrDone> | z.infer<typeof ocrQueued>;
