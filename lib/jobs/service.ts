// Job rows: what GET /api/v1/jobs/:id shows. Functions report progress and their result here
// under Inngest and under the local executor alike; the executor also records attempts and
// failures itself. A job's final state, once written, is announced to requests waiting for it
// (completion.ts).
import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceJobSettled } from "./completion";
import type { JobView } from "./schemas";

const jobSelect = {
  id: true,
  functionId: true,
  status: true,
  progress: true,
  attempt: true,
  output: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export async function getJobOrThrow({ userId, jobId }: { userId: string; jobId: string }): Promise<JobView> {
  const job = await db().job.findFirst({ where: { id: jobId, userId }, select: jobSelect });
  if (!job) throw new AppError("not_found", "No such job.");
  return job;
}

export async function createJobRow(input: {
  id: string;
  userId: string;
  functionId: string;
  eventName: string;
  eventData: Record<string, unknown>;
}): Promise<void> {
  await db().job.create({ data: { ...input, eventData: input.eventData as Prisma.InputJsonValue } });
}

/** Marks the job running (if it was queued) and moves progress forward, never back. */
export async function setJobProgress(jobId: string, progress: number): Promise<void> {
  const value = Math.max(0, Math.min(99, Math.round(progress)));
  await db().job.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] }, progress: { lt: value } },
    data: { progress: value, status: "running", startedAt: undefined },
  });
}

export async function completeJob(jobId: string, output: unknown): Promise<void> {
  const { count } = await db().job.updateMany({
    where: { id: jobId, status: { not: "done" } },
    data: {
      status: "done",
      progress: 100,
      output: output === undefined ? Prisma.JsonNull : (output as Prisma.InputJsonValue),
      error: null,
      finishedAt: new Date(),
      leaseUntil: null,
    },
  });
  if (count === 1) announceJobSettled(jobId);
}

export async function failJob(jobId: string, error: string): Promise<void> {
  const { count } = await db().job.updateMany({
    where: { id: jobId, status: { not: "done" } },
    data: { status: "failed", error: error.slice(0, 2000), finishedAt: new Date(), leaseUntil: null },
  });
  if (count === 1) announceJobSettled(jobId);
}
