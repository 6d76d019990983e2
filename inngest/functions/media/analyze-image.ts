// Asks a vision-capable model about an image and stores the answer with the image.
import { inngest } from "@/lib/jobs/client";
import { failJobOnFailure, unlessClientError } from "@/lib/jobs/function-failure";
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { imageAnalysisRequested } from "@/lib/media/images/events";
import { runImageAnalysis } from "@/lib/media/images/vision";

export const analyzeImage = inngest.createFunction(
  { id: "media-analyze-image", name: "Analyse an image", triggers: [imageAnalysisRequested], retries: 2, onFailure: failJobOnFailure },
  async ({ event, step }) => {
    const { jobId, ...request } = event.data;
    await step.run("start", () => setJobProgress(jobId, 5));
    const analysis = await step.run("ask-vision-model", () => unlessClientError(() => runImageAnalysis({ jobId, ...request })));
    await step.run("complete-job", () => completeJob(jobId, analysis));
    return analysis;
  },
);
