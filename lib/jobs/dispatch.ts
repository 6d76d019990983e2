// Starting a job: a Job row first (so its status is visible at once), then the event, either to
// Inngest or to the in-process executor.
import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process/singleton";
import { inngest, inngestConfigured } from "./client";
import type { JobEvent, JobPayload } from "./events";
import { createLocalExecutor, type LocalExecutor } from "./executor";
import { functionIdFor, jobFunctions } from "./registry";
import { createJobRow, failJob } from "./service";

const jobs = processSingleton("jobs", () => ({ executor: undefined as LocalExecutor | undefined, resumed: false }));

export function jobExecutor(): LocalExecutor {
  jobs.executor ??= createLocalExecutor({ functions: jobFunctions, concurrency: env.JOBS_CONCURRENCY });
  return jobs.executor;
}

/** Tests use an executor with short backoff and drain it themselves. */
export function setJobExecutor(next: LocalExecutor): void {
  jobs.executor?.stop();
  jobs.executor = next;
}

/** Picks up jobs left queued or half-done by a previous process (once per process). */
export function resumeJobs(): void {
  if (inngestConfigured || jobs.resumed) return;
  jobs.resumed = true;
  jobExecutor().kick();
}

/**
 * Creates the job and sends its event. `data` is the event's payload without `jobId`, which is
 * added here; it is checked against the event's schema before anything is written. Returns the
 * job id to poll at GET /api/v1/jobs/:id.
 */
export async function startJob<TData extends JobPayload>(event: JobEvent<TData>, data: NoInfer<Omit<TData, "jobId">>): Promise<string> {
  const jobId = randomUUID();
  const payload = event.schema.parse({ ...data, jobId });
  await createJobRow({ id: jobId, userId: payload.userId, functionId: await functionIdFor(event.name), eventName: event.name, eventData: payload });
  if (inngestConfigured) {
    await inngest.send({ name: event.name, data: payload, id: jobId }).catch(async (error: unknown) => {
      await failJob(jobId, "Could not reach Inngest to start the job.");
      throw error;
    });
  } else {
    resumeJobs();
    jobExecutor().kick();
  }
  return jobId;
}
