import { beforeAll, describe, expect, it } from "vitest";
import { Inngest } from "inngest";
import { z } from "zod";
import { db } from "@/lib/db";
import { signedInClient } from "@/lib/testing/chat";
import { startJob, setJobExecutor } from "./dispatch";
import { defineJobEvent } from "./events";
import { createLocalExecutor, type LocalExecutor } from "./executor";
import { provideJobFunctions } from "./registry";

const client = new Inngest({ id: "dispatch-test", logger: { info() {}, warn() {}, error() {}, debug() {} } });
const greeted = defineJobEvent("test/greeted", { name: z.string().min(1), times: z.int().min(1).max(3).optional() });
const greet = client.createFunction({ id: "test-greet", triggers: [greeted] }, async ({ event }) => "hi ".repeat(event.data.times ?? 1) + event.data.name);

let executor: LocalExecutor;
beforeAll(() => {
  // Each test file starts with the app's functions again (inngest/vitest-setup.ts).
  provideJobFunctions(async () => [greet]);
  // Drained by hand below, so a started job stays queued until the test looks at it.
  executor = createLocalExecutor({ functions: async () => [greet], concurrency: 1 });
  executor.stop();
  setJobExecutor(executor);
});

describe("startJob", () => {
  it("writes the job row with the function the event triggers and the checked data plus its job id", async () => {
    const { userId } = await signedInClient();
    const jobId = await startJob(greeted, { userId, name: "Ayesha", times: 2 });
    const row = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(row).toMatchObject({ userId, functionId: "test-greet", eventName: "test/greeted", status: "queued" });
    expect(row.eventData).toEqual({ jobId, userId, name: "Ayesha", times: 2 });
  });

  it("refuses data its event's schema refuses, before writing anything", async () => {
    const { userId } = await signedInClient();
    const before = await db().job.count();
    // @ts-expect-error a field the event does not declare is a compile error
    await expect(startJob(greeted, { userId, name: "Ayesha", colour: "red" })).resolves.toBeTypeOf("string");
    await expect(startJob(greeted, { userId, name: "" })).rejects.toThrow(z.ZodError);
    // @ts-expect-error so is a missing required field
    await expect(startJob(greeted, { userId })).rejects.toThrow(z.ZodError);
    expect(await db().job.count()).toBe(before + 1);
  });
});
