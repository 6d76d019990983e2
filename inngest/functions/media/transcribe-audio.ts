// Transcribes an audio file (Groq Whisper, then OpenAI Whisper) and stores the transcript.
import { inngest } from "@/lib/jobs/client";
import { failJobOnFailure, unlessClientError } from "@/lib/jobs/function-failure";
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { audioTranscriptionRequested } from "@/lib/media/audio/events";
import { runTranscription } from "@/lib/media/audio/service";

export const transcribeAudio = inngest.createFunction(
  { id: "media-transcribe-audio", name: "Transcribe audio", triggers: [audioTranscriptionRequested], retries: 2, onFailure: failJobOnFailure },
  async ({ event, step }) => {
    const { jobId, ...request } = event.data;
    await step.run("start", () => setJobProgress(jobId, 5));
    const audio = await step.run("transcribe", () => unlessClientError(() => runTranscription({ jobId, ...request })));
    await step.run("complete-job", () => completeJob(jobId, audio));
    return audio;
  },
);
