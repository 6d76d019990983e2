import { z } from "zod";
import { defineJobEvent } from "@/lib/jobs/events";
import { ocrLanguageCodes } from "./languages";

export const imageOcrRequested = defineJobEvent("media/image.ocr.requested", {
  imageId: z.string().min(1),
  language: z.union([z.literal("auto"), z.enum(ocrLanguageCodes)]),
});
