// Reads the text in an image (tesseract, language chosen or auto) and caches it on the image.
import { inngest } from "@/lib/jobs/client";
import { failJobOnFailure, unlessClientError } from "@/lib/jobs/function-failure";
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { imageOcrRequested } from "@/lib/media/ocr/events";
import { runImageOcr } from "@/lib/media/ocr/service";

export const ocrImage = inngest.createFunction(
  { id: "media-ocr-image", name: "OCR an image", triggers: [imageOcrRequested], retries: 2, onFailure: failJobOnFailure },
  async ({ event, step }) => {
    const { jobId, userId, imageId, language } = event.data;
    await step.run("start", () => setJobProgress(jobId, 5));
    const result = await step.run("recognise-text", () => unlessClientError(() => runImageOcr({ jobId, userId, imageId, language })));
    await step.run("complete-job", () => completeJob(jobId, result));
    return result;
  },
);
