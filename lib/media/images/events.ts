import { z } from "zod";
import { defineJobEvent } from "@/lib/jobs/events";

export const imageAnalysisRequested = defineJobEvent("media/image.analysis.requested", {
  imageId: z.string().min(1),
  prompt: z.string().min(1).max(4000),
  model: z.string().max(200).optional(),
});
