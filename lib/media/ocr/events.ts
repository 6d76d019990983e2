import { z } from "zod";
import { defineJobEvent } from "@/lib/jobs/events";
import { ocrLanguageChoice } from "./schemas";

export const imageOcrRequested = defineJobEvent("media/image.ocr.requested", {
  imageId: z.string().min(1),
  language: ocrLanguageChoice,
});
