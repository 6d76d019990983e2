import { z } from "zod";

export const jobStatus = z.enum(["queued", "running", "done", "failed"]);

export const jobView = z.object({
  id: z.string(),
  functionId: z.string().describe("The Inngest function that runs the job, e.g. `media-ocr-image`"),
  status: jobStatus,
  progress: z.int().min(0).max(100).describe("Percent done"),
  attempt: z.int().describe("Retries of the current step so far"),
  output: z.unknown().nullable().describe("The function's result once done"),
  error: z.string().nullable().describe("Why it failed, once failed"),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type JobView = z.infer<typeof jobView>;

export const jobStartedView = z.object({
  jobId: z.string().describe("Poll GET /api/v1/jobs/:id for progress and the result"),
  status: jobStatus,
});
export type JobStartedView = z.infer<typeof jobStartedView>;

export const jobResponse = z.object({ job: jobView });
