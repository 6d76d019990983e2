// The in-process stand-in for an Inngest server, used when no Inngest is configured. It drives
// the very same function objects through the SDK's own execution engine (the code path
// /api/inngest runs under Inngest): each call runs the handler until it reaches a new step,
// the step's result is stored in JobStep, and the next call replays the handler with every
// stored result memoized. A crash or restart therefore resumes after the last finished step.
// Failures are retried with exponential backoff up to the function's `retries`.
import "server-only";
import type { InngestFunction } from "inngest";
import { db, Prisma } from "@/lib/db";
import { log } from "@/lib/log";
import { executeOnce } from "./inngest-internals";
import { completeJob, failJob } from "./service";

export interface ExecutorOptions {
  /** The functions to run, matched to jobs by function id. */
  functions: () => Promise<readonly InngestFunction.Any[]>;
  concurrency: number;
  /** First retry after about this long, doubling each time (with jitter), capped at `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A job not finished within this (its process died) is picked up again. */
  leaseMs?: number;
  now?: () => Date;
}

/** Inngest's default: 3 retries after the first attempt. */
const DEFAULT_RETRIES = 3;
/** One job may replay at most this many steps in one go (a runaway loop guard). */
const MAX_STEPS_PER_RUN = 500;

function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message;
  return typeof error === "string" ? error : "The job failed.";
}

export interface LocalExecutor {
  /** Runs whatever is due, in the background. Safe to call often. */
  kick(): void;
  /** Runs until no job is due (tests; and what `kick` does in the background). */
  drain(): Promise<void>;
  /** Stops claiming jobs and scheduling retries (tests, shutdown); jobs already running go on. */
  stop(): void;
  /** Resolves once no job runs in this executor. */
  idle(): Promise<void>;
  /**
   * Shutdown: hands the leases of jobs still running back, so the next process (or another
   * instance) resumes them at once from their last finished step instead of after the lease.
   * Returns how many were released.
   */
  releaseLeases(): Promise<number>;
}

export function createLocalExecutor(options: ExecutorOptions): LocalExecutor {
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const retryMaxMs = options.retryMaxMs ?? 5 * 60_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const now = options.now ?? (() => new Date());
  let draining: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<string>();

  function backoffMs(attempt: number): number {
    const exponential = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt);
    return Math.round(exponential * (0.75 + Math.random() * 0.5));
  }

  function wakeAt(delayMs: number) {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      kick();
    }, delayMs);
    timer.unref?.();
    timers.add(timer);
  }

  async function claimDueJobs(limit: number): Promise<string[]> {
    const at = now();
    const due = await db().job.findMany({
      where: {
        status: { in: ["queued", "running"] },
        runAfter: { lte: at },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }],
      },
      orderBy: { runAfter: "asc" },
      take: limit,
      select: { id: true },
    });
    const claimed: string[] = [];
    for (const { id } of due) {
      // The condition is re-checked in the update, so two processes cannot both take a job.
      const { count } = await db().job.updateMany({
        where: { id, status: { in: ["queued", "running"] }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }] },
        data: { status: "running", leaseUntil: new Date(at.getTime() + leaseMs) },
      });
      if (count === 1) claimed.push(id);
    }
    return claimed;
  }

  async function scheduleRetry(jobId: string, attempt: number, error: string) {
    const delay = backoffMs(attempt);
    await db().job.update({
      where: { id: jobId },
      data: { attempt: attempt + 1, error, runAfter: new Date(now().getTime() + delay), leaseUntil: null },
    });
    wakeAt(delay);
  }

  async function run(jobId: string, functions: ReadonlyMap<string, InngestFunction.Any>) {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    const fn = functions.get(job.functionId);
    if (!fn) return failJob(jobId, `No function ${job.functionId} is registered.`);
    await db().job.update({ where: { id: jobId }, data: { startedAt: job.startedAt ?? now() } });
    const retries = fn.opts.retries ?? DEFAULT_RETRIES;
    const event = { id: job.id, name: job.eventName, data: job.eventData as Record<string, unknown>, ts: job.createdAt.getTime() };
    let attempt = job.attempt;
    let requestedRunStep: string | undefined;

    for (let round = 0; round < MAX_STEPS_PER_RUN; round += 1) {
      const steps = await db().jobStep.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } });
      const outcome = await executeOnce(fn, { runId: job.id, attempt, event, steps, runStep: requestedRunStep });
      requestedRunStep = undefined;

      switch (outcome.kind) {
        case "step-ran": {
          const { step } = outcome;
          if (outcome.retriable && attempt < retries) {
            return scheduleRetry(jobId, attempt, `Step "${step.name}": ${errorMessage(step.error)}`);
          }
          await db().jobStep.create({
            data: {
              jobId,
              stepId: step.id,
              name: step.name,
              data: outcome.failed || step.data === undefined ? Prisma.JsonNull : (step.data as Prisma.InputJsonValue),
              error: outcome.failed ? ((step.error ?? { message: "failed" }) as Prisma.InputJsonValue) : Prisma.JsonNull,
            },
          });
          attempt = 0;
          await db().job.update({
            where: { id: jobId },
            data: { attempt: 0, leaseUntil: new Date(now().getTime() + leaseMs) },
          });
          continue;
        }
        case "step-planned":
          requestedRunStep = outcome.stepId;
          continue;
        case "resolved":
          return completeJob(jobId, outcome.data);
        case "rejected":
          if (outcome.retriable && attempt < retries) return scheduleRetry(jobId, attempt, errorMessage(outcome.error));
          return failJob(jobId, errorMessage(outcome.error));
        case "unsupported":
          return failJob(jobId, `The local executor cannot run ${outcome.what}; configure Inngest for these.`);
      }
    }
    return failJob(jobId, `The job ran more than ${MAX_STEPS_PER_RUN} steps.`);
  }

  async function drainOnce(): Promise<void> {
    const functions = new Map((await options.functions()).map((fn) => [fn.id(), fn] as const));
    while (!stopped) {
      const claimed = await claimDueJobs(options.concurrency);
      if (claimed.length === 0) return;
      await Promise.all(
        claimed.map((jobId) => {
          running.add(jobId);
          return run(jobId, functions)
            .catch(async (error: unknown) => {
              log.error("job crashed in the executor", { jobId, error: errorMessage(error) });
              await failJob(jobId, errorMessage(error)).catch(() => undefined);
            })
            .finally(() => running.delete(jobId));
        }),
      );
    }
  }

  function drain(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        await drainOnce();
      } while (again && !stopped);
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  function kick() {
    if (stopped) return;
    drain().catch((error: unknown) => log.error("job executor failed", { error: errorMessage(error) }));
  }

  return {
    kick,
    drain,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    async idle() {
      await draining?.catch(() => undefined);
    },
    async releaseLeases() {
      if (running.size === 0) return 0;
      const { count } = await db().job.updateMany({
        where: { id: { in: [...running] }, status: "running" },
        data: { leaseUntil: null },
      });
      return count;
    },
  };
}
