// Image analysis with a vision-capable model through the router, stored on the image.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startJob } from "@/lib/jobs/dispatch";
import { setJobProgress } from "@/lib/jobs/service";
import { generateAnswer, mediaCandidates } from "../answers/generate";
import { imageAnalysisRequested } from "./events";
import { getImageOrThrow, readImageFile } from "./service";

export async function requestImageAnalysis(options: { userId: string; imageId: string; prompt: string; model?: string }) {
  const image = await getImageOrThrow(options);
  if (image.mime === "application/pdf") throw new AppError("unsupported_media_type", "Vision models read images, not PDFs.");
  mediaCandidates({ modelId: options.model, vision: true });
  const jobId = await startJob(imageAnalysisRequested, {
    userId: options.userId,
    imageId: image.id,
    prompt: options.prompt,
    ...(options.model ? { model: options.model } : {}),
  });
  return { jobId };
}

export async function runImageAnalysis(options: { jobId?: string; userId: string; imageId: string; prompt: string; model?: string }) {
  const file = await readImageFile(options);
  if (options.jobId) await setJobProgress(options.jobId, 20);
  const answer = await generateAnswer({
    userId: options.userId,
    candidates: mediaCandidates({ modelId: options.model, vision: true }),
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: options.prompt },
          { type: "image", image: file.bytes, mediaType: file.mime },
        ],
      },
    ],
  });
  return db().imageAnalysis.create({
    data: { imageId: options.imageId, prompt: options.prompt, model: answer.model, text: answer.text },
    select: { id: true, imageId: true, prompt: true, model: true, text: true, createdAt: true },
  });
}
