import { z } from "zod";
import { ocrLanguageCodes } from "./languages";

/** A tesseract language, or `auto`. */
export const ocrLanguageChoice = z.union([z.literal("auto"), z.enum(ocrLanguageCodes)]);

export const ocrLanguage = ocrLanguageChoice
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

/** POST /api/v1/images/:id/ocr — a cached reading at once (200), or a job to poll (202). */
export const ocrDone = z.object({ status: z.literal("done"), result: ocrResultView });
export const ocrQueued = z.object({ status: z.literal("queued"), jobId: z.string().describe("Poll GET /api/v1/jobs/:id") });
export type OcrOutcomeView = z.infer<typeof ocrDone> | z.infer<typeof ocrQueued>;
