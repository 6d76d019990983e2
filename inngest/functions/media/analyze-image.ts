// Asks a vision-capable model about an image and stores the answer with the image.
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { runImageAnalysis } from "@/lib/media/images/vision";
import { inngest } from "../../client";
import { imageAnalysisRequested } from "../../events";
import { failJobOnFailure, unlessClientError } from "../job-failure";

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
