import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signedInClient } from "@/lib/testing/chat";
import { waitForJob } from "./completion";
import { completeJob, createJobRow, failJob } from "./service";

async function newJob() {
  const { userId } = await signedInClient();
  const id = crypto.randomUUID();
  await createJobRow({ id, userId, functionId: "test-fn", eventName: "test/waited", eventData: { jobId: id, userId } });
  return id;
}

const later = (ms: number, work: () => Promise<unknown>) => new Promise((resolve) => setTimeout(() => resolve(work()), ms));
/** Long enough that a test passing well within it was not woken by a re-read of the row. */
const NO_POLL = 60_000;

describe("waitForJob", () => {
  it("answers at once for a job that has finished", async () => {
    const jobId = await newJob();
    await completeJob(jobId, { text: "ready" });
    expect(await waitForJob(jobId, { timeoutMs: 5_000 })).toEqual({ status: "done", error: null, output: { text: "ready" } });
  });

  it("wakes when this process settles the job, without re-reading the row on a timer", async () => {
    const jobId = await newJob();
    const started = Date.now();
    const [job] = await Promise.all([waitForJob(jobId, { timeoutMs: 30_000, pollMs: NO_POLL }), later(50, () => completeJob(jobId, { text: "hi" }))]);
    expect(job).toEqual({ status: "done", error: null, output: { text: "hi" } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("wakes with the error when the job fails", async () => {
    const jobId = await newJob();
    const [job] = await Promise.all([waitForJob(jobId, { timeoutMs: 30_000, pollMs: NO_POLL }), later(20, () => failJob(jobId, "tesseract crashed"))]);
    expect(job).toMatchObject({ status: "failed", error: "tesseract crashed" });
  });

  it("gives up after the timeout with the job as it stands, and when the caller goes away", async () => {
    const jobId = await newJob();
    expect(await waitForJob(jobId, { timeoutMs: 50, pollMs: NO_POLL })).toMatchObject({ status: "queued" });

    const gone = new AbortController();
    const started = Date.now();
    const [job] = await Promise.all([waitForJob(jobId, { timeoutMs: 30_000, signal: gone.signal, pollMs: NO_POLL }), later(20, async () => gone.abort())]);
    expect(job).toMatchObject({ status: "queued" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("re-reads the row when another process finishes the job (no announcement reaches this one)", async () => {
    const jobId = await newJob();
    const elsewhere = () => db().job.update({ where: { id: jobId }, data: { status: "done", progress: 100, output: { text: "from afar" } } });
    const [job] = await Promise.all([waitForJob(jobId, { timeoutMs: 30_000, pollMs: 20 }), later(50, elsewhere)]);
    expect(job).toEqual({ status: "done", error: null, output: { text: "from afar" } });
  });

  it("is a 404 for a job that does not exist", async () => {
    await expect(waitForJob("no-such-job", { timeoutMs: 10 })).rejects.toThrow(AppError);
  });
});
