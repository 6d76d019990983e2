// Waiting for a job inside a request: a chat turn that needs an image's OCR text waits for the
// OCR job instead of polling its row. The job service announces every job it settles (done or
// failed) to the waiters in this process; a waiter subscribes before it reads the row, so a job
// settling in between is not missed, and reads the row once more when woken.
// The announcement only reaches waiters in the process that ran the job. When the job may run
// in another one — Inngest is configured, or several app instances share one PostgreSQL, whose
// local executors take jobs from the same table — the waiter also re-reads the row, at most once
// a second, until the job settles or the wait ends.
import "server-only";
import { database, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { processSingleton } from "@/lib/process/singleton";
import { inngestConfigured } from "./client";

/** How often a waiter re-reads the row when the job may run in another process. */
const OTHER_PROCESS_POLL_MS = 1_000;

// Per process: the executor (or /api/inngest) that settles a job may run in another route bundle
// than the request waiting for it.
const waiters = processSingleton("job-waiters", () => new Map<string, Set<() => void>>());

/** Called by the job service once it has written a job's final state. */
export function announceJobSettled(jobId: string): void {
  for (const wake of waiters.get(jobId) ?? []) wake();
}

function subscribe(jobId: string, wake: () => void): () => void {
  const forJob = waiters.get(jobId) ?? new Set();
  forJob.add(wake);
  waiters.set(jobId, forJob);
  return () => {
    forJob.delete(wake);
    if (forJob.size === 0) waiters.delete(jobId);
  };
}

async function readJob(jobId: string) {
  const job = await db().job.findUnique({ where: { id: jobId }, select: { status: true, error: true, output: true } });
  if (!job) throw new AppError("not_found", "No such job.");
  return job;
}

const settled = (job: { status: string }) => job.status === "done" || job.status === "failed";

function mayRunElsewhere(): boolean {
  return inngestConfigured || database().backend === "postgres";
}

/**
 * The job's row once it is done or failed, or as it stands when `timeoutMs` passes or `signal`
 * aborts. `pollMs` overrides how often the row is re-read (by default only when another process
 * may run the job).
 */
export async function waitForJob(jobId: string, options: { timeoutMs: number; signal?: AbortSignal; pollMs?: number }) {
  const pollMs = options.pollMs ?? (mayRunElsewhere() ? OTHER_PROCESS_POLL_MS : undefined);
  const deadline = Date.now() + options.timeoutMs;
  // `rang` remembers a wake-up that came while the row was being read.
  let rang = false;
  let resume: (() => void) | undefined;
  const wake = () => {
    rang = true;
    resume?.();
  };
  const unsubscribe = subscribe(jobId, wake);
  const timeout = setTimeout(wake, options.timeoutMs);
  options.signal?.addEventListener("abort", wake, { once: true });
  let poll: ReturnType<typeof setTimeout> | undefined;
  try {
    for (;;) {
      const job = await readJob(jobId);
      if (settled(job) || Date.now() >= deadline || options.signal?.aborted) return job;
      if (!rang) {
        await new Promise<void>((resolve) => {
          resume = resolve;
          if (pollMs !== undefined) poll = setTimeout(resolve, pollMs);
        });
      }
      // Woken by the announcement, the deadline, the signal or the poll: the row says which.
      rang = false;
      clearTimeout(poll);
    }
  } finally {
    unsubscribe();
    clearTimeout(timeout);
    clearTimeout(poll);
    options.signal?.removeEventListener("abort", wake);
  }
}
