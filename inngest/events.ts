// Every event the app sends, declared once with its zod schema. Each carries the `jobId` whose
// row (lib/jobs) reports status and progress, and the owner's `userId`, so functions call
// services with the same ownership checks as the API.
import { eventType } from "inngest";
import { z } from "zod";
import { ocrLanguageCodes } from "@/lib/media/ocr/languages";

const jobFields = {
  jobId: z.string().min(1).describe("The job row that reports this run's status"),
  userId: z.string().min(1).describe("The owner; services check every row against it"),
};

export const imageOcrRequested = eventType("media/image.ocr.requested", {
  schema: z.object({
    ...jobFields,
    imageId: z.string().min(1),
    language: z.union([z.literal("auto"), z.enum(ocrLanguageCodes)]),
  }),
});

export const imageAnalysisRequested = eventType("media/image.analysis.requested", {
  schema: z.object({
    ...jobFields,
    imageId: z.string().min(1),
    prompt: z.string().min(1).max(4000),
    model: z.string().max(200).optional(),
  }),
});

export const audioTranscriptionRequested = eventType("media/audio.transcription.requested", {
  schema: z.object({
    ...jobFields,
    audioId: z.string().min(1),
    language: z.string().min(2).max(8).optional(),
  }),
});

export const transcriptAnalysisRequested = eventType("media/audio.analysis.requested", {
  schema: z.object({
    ...jobFields,
    audioId: z.string().min(1),
    kind: z.enum(["summary", "topics", "sentiment", "custom"]),
    prompt: z.string().max(4000).optional(),
    model: z.string().max(200).optional(),
  }),
});

export const jobEvents = [imageOcrRequested, imageAnalysisRequested, audioTranscriptionRequested, transcriptAnalysisRequested];
export type JobEventName = (typeof jobEvents)[number]["name"];
