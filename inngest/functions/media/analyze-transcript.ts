// Summary, topics, sentiment or a custom question about a transcript, stored with the audio.
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { runTranscriptAnalysis } from "@/lib/media/audio/service";
import { inngest } from "../../client";
import { transcriptAnalysisRequested } from "../../events";
import { failJobOnFailure, unlessClientError } from "../job-failure";

export const analyzeTranscript = inngest.createFunction(
  { id: "media-analyze-transcript", name: "Analyse a transcript", triggers: [transcriptAnalysisRequested], retries: 2, onFailure: failJobOnFailure },
  async ({ event, step }) => {
    const { jobId, ...request } = event.data;
    await step.run("start", () => setJobProgress(jobId, 5));
    const analysis = await step.run("analyse", () => unlessClientError(() => runTranscriptAnalysis({ jobId, ...request })));
    await step.run("complete-job", () => completeJob(jobId, analysis));
    return analysis;
  },
);
