import { z } from "zod";
import { defineJobEvent } from "@/lib/jobs/events";
import { analysisKinds } from "./schemas";

export const audioTranscriptionRequested = defineJobEvent("media/audio.transcription.requested", {
  audioId: z.string().min(1),
  language: z.string().min(2).max(8).optional(),
});

export const transcriptAnalysisRequested = defineJobEvent("media/audio.analysis.requested", {
  audioId: z.string().min(1),
  kind: z.enum(analysisKinds),
  prompt: z.string().max(4000).optional(),
  model: z.string().max(200).optional(),
});
