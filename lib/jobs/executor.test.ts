import { afterEach, describe, expect, it } from "vitest";
import { Inngest, eventType, NonRetriableError } from "inngest";
import { z } from "zod";
import { db } from "@/lib/db";
import { signedInClient } from "@/lib/testing/chat";
import { createLocalExecutor, type LocalExecutor } from "./executor";
import { createJobRow, setJobProgress } from "./service";

const client = new Inngest({ id: "executor-test", logger: { info() {}, warn() {}, error() {}, debug() {} } });
const counted = eventType("test/counted", { schema: z.object({ jobId: z.string(), userId: z.string(), n: z.number() }) });

/** How often each step body ran, per job: memoized steps must not run again. */
const calls = new Map<string, Record<string, number>>();
const behaviour: { failTwoTimes: number; fatal: boolean; hold?: { entered: () => void; until: Promise<void> } } = { failTwoTimes: 0, fatal: false };

function bump(jobId: string, step: string) {
  const perJob = calls.get(jobId) ?? {};
  perJob[step] = (perJob[step] ?? 0) + 1;
  calls.set(jobId, perJob);
  return perJob[step]!;
}

const pipeline = client.createFunction({ id: "test-pipeline", triggers: [counted], retries: 2 }, async ({ event, step }) => {
  const { jobId, n } = event.data;
  const doubled = await step.run("double", () => {
    bump(jobId, "double");
    return n * 2;
  });
  await step.run("progress", () => setJobProgress(jobId, 50));
  const plusOne = await step.run("add-one", async () => {
    const attempt = bump(jobId, "add-one");
    if (behaviour.hold) {
      behaviour.hold.entered();
      await behaviour.hold.until;
    }
    if (behaviour.fatal) throw new NonRetriableError("bad input, retrying will not help");
    if (attempt <= behaviour.failTwoTimes) throw new Error(`flaky attempt ${attempt}`);
    return doubled + 1;
  });
  const [a, b] = await Promise.all([step.run("left", () => plusOne * 10), step.run("right", () => plusOne * 100)]);
  return { doubled, plusOne, a, b };
});

const executors: LocalExecutor[] = [];
function executor(options: { retryBaseMs?: number; now?: () => Date } = {}) {
  const created = createLocalExecutor({ functions: async () => [pipeline], concurrency: 2, retryBaseMs: options.retryBaseMs ?? 5, retryMaxMs: (options.retryBaseMs ?? 5) * 10, now: options.now });
  executors.push(created);
  return created;
}

afterEach(() => {
  executors.splice(0).forEach((each) => each.stop());
  behaviour.failTwoTimes = 0;
  behaviour.fatal = false;
  behaviour.hold = undefined;
});

async function newJob(n: number) {
  const { userId } = await signedInClient();
  const id = crypto.randomUUID();
  await createJobRow({ id, userId, functionId: "test-pipeline", eventName: counted.name, eventData: { jobId: id, userId, n } });
  return id;
}

async function settle(run: LocalExecutor, jobId: string) {
  for (let round = 0; round < 100; round += 1) {
    await run.drain();
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("job did not settle");
}

describe("local executor", () => {
  it("runs a function's steps in order through the SDK engine, parallel steps included, and stores each result", async () => {
    const jobId = await newJob(20);
    const job = await settle(executor(), jobId);
    expect(job).toMatchObject({ status: "done", progress: 100, output: { doubled: 40, plusOne: 41, a: 410, b: 4100 }, error: null });
    expect(calls.get(jobId)).toEqual({ double: 1, "add-one": 1 });
    const steps = await db().jobStep.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } });
    expect(steps.map((step) => step.name)).toEqual(["double", "progress", "add-one", "left", "right"]);
    expect(steps[0]!.data).toBe(40);
  });

  it("retries a failing step with backoff and does not rerun the steps before it", async () => {
    behaviour.failTwoTimes = 2;
    const jobId = await newJob(1);
    const job = await settle(executor(), jobId);
    expect(job.status).toBe("done");
    expect(calls.get(jobId)).toEqual({ double: 1, "add-one": 3 });
  });

  it("fails the job once retries are used up, with the step's error", async () => {
    behaviour.failTwoTimes = 10;
    const jobId = await newJob(1);
    const job = await settle(executor(), jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toContain("flaky attempt 3");
    expect(calls.get(jobId)?.["add-one"]).toBe(3);
  });

  it("does not retry a NonRetriableError", async () => {
    behaviour.fatal = true;
    const jobId = await newJob(1);
    const job = await settle(executor(), jobId);
    expect(job).toMatchObject({ status: "failed", error: "bad input, retrying will not help" });
    expect(calls.get(jobId)?.["add-one"]).toBe(1);
  });

  it("resumes after a restart from the last stored step", async () => {
    behaviour.failTwoTimes = 1;
    const jobId = await newJob(3);
    // The first process: step one done, step two failed once and waits a minute for its retry…
    const first = executor({ retryBaseMs: 60_000 });
    await first.drain();
    first.stop();
    const waiting = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(waiting).toMatchObject({ status: "running", attempt: 1, leaseUntil: null });
    expect(waiting.runAfter.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // …then the process is gone. A new one, two minutes later, finishes the job.
    const later = () => new Date(Date.now() + 120_000);
    const job = await settle(executor({ now: later }), jobId);
    expect(job).toMatchObject({ status: "done", output: { plusOne: 7 } });
    expect(calls.get(jobId)).toEqual({ double: 1, "add-one": 2 });
  });

  it("takes over a job whose process died mid-step once its lease expires, and not before", async () => {
    const jobId = await newJob(5);
    await db().job.update({ where: { id: jobId }, data: { status: "running", leaseUntil: new Date(Date.now() + 60_000) } });
    await executor().drain();
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("running");
    const job = await settle(executor({ now: () => new Date(Date.now() + 120_000) }), jobId);
    expect(job.status).toBe("done");
  });

  it("hands a running job's lease back on shutdown, so the next process resumes it at once from its last stored step", async () => {
    const jobId = await newJob(4);
    // The step never finishes in this process: it is still running when the process goes.
    const entered = new Promise<void>((resolve) => {
      behaviour.hold = { entered: resolve, until: new Promise(() => {}) };
    });
    const first = executor();
    first.kick();
    await entered;
    first.stop();
    expect(await first.releaseLeases()).toBe(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "running", leaseUntil: null });

    // The next process, at once (no lease to wait out): the finished step is not run again.
    behaviour.hold = undefined;
    const job = await settle(executor(), jobId);
    expect(job).toMatchObject({ status: "done", output: { plusOne: 9 } });
    expect(calls.get(jobId)).toEqual({ double: 1, "add-one": 2 });
  });

  it("fails a job for a function it does not know", async () => {
    const { userId } = await signedInClient();
    const id = crypto.randomUUID();
    await createJobRow({ id, userId, functionId: "gone", eventName: "test/gone", eventData: { jobId: id, userId } });
    const job = await settle(executor(), id);
    expect(job).toMatchObject({ status: "failed", error: "No function gone is registered." });
  });
});
