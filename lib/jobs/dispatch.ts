// Starting a job: a Job row first (so its status is visible at once), then the event, either to
// Inngest or to the in-process executor. Functions are loaded lazily: they import the services
// that call this module.
import "server-only";
import { randomUUID } from "node:crypto";
import type { InngestFunction } from "inngest";
import { inngest, inngestConfigured } from "@/inngest/client";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process/singleton";
import { createLocalExecutor, type LocalExecutor } from "./executor";
import { createJobRow, failJob } from "./service";

const loadFunctions = async (): Promise<readonly InngestFunction.Any[]> => (await import("@/inngest")).functions;

const jobs = processSingleton("jobs", () => ({ executor: undefined as LocalExecutor | undefined, resumed: false }));

export function jobExecutor(): LocalExecutor {
  jobs.executor ??= createLocalExecutor({ functions: loadFunctions, concurrency: env.JOBS_CONCURRENCY });
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

async function functionIdFor(eventName: string): Promise<string> {
  const fn = (await loadFunctions()).find((candidate) =>
    ((candidate.opts.triggers ?? []) as readonly object[]).some((trigger) => "event" in trigger && trigger.event === eventName),
  );
  if (!fn) throw new Error(`No function is triggered by ${eventName}.`);
  return fn.id();
}

/**
 * Creates the job and sends its event. `data` is the event's payload without `jobId`, which is
 * added here. Returns the job id to poll at GET /api/v1/jobs/:id.
 */
export async function startJob(event: { name: string; data: { userId: string } & Record<string, unknown> }): Promise<string> {
  const jobId = randomUUID();
  const data = { ...event.data, jobId };
  await createJobRow({ id: jobId, userId: event.data.userId, functionId: await functionIdFor(event.name), eventName: event.name, eventData: data });
  if (inngestConfigured) {
    await inngest.send({ name: event.name, data, id: jobId }).catch(async (error: unknown) => {
      await failJob(jobId, "Could not reach Inngest to start the job.");
      throw error;
    });
  } else {
    resumeJobs();
    jobExecutor().kick();
  }
  return jobId;
}
