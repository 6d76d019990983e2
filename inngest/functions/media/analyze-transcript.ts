// Summary, topics, sentiment or a custom question about a transcript, stored with the audio.
import { inngest } from "@/lib/jobs/client";
import { failJobOnFailure, unlessClientError } from "@/lib/jobs/function-failure";
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { transcriptAnalysisRequested } from "@/lib/media/audio/events";
import { runTranscriptAnalysis } from "@/lib/media/audio/service";

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
