// Fails when an Inngest SDK upgrade changes what the local executor relies on (see
// inngest-internals.ts): a tiny function is driven through the engine the way the executor does.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Inngest, NonRetriableError, eventType } from "inngest";
import { z } from "zod";
import { executeOnce, type ExecutionOutcome, type StoredStep } from "./inngest-internals";

const client = new Inngest({ id: "internals-test", logger: { info() {}, warn() {}, error() {}, debug() {} } });
const probed = eventType("test/probed", { schema: z.object({ n: z.number(), fail: z.enum(["no", "retriable", "fatal", "body"]) }) });
type Failure = z.infer<typeof probed.schema>["fail"];

/** How often each step body ran: a memoized step must not run again. */
const calls: Record<string, number> = {};
const counted = <T>(name: string, body: () => T) => {
  calls[name] = (calls[name] ?? 0) + 1;
  return body();
};

const probe = client.createFunction({ id: "internals-probe", triggers: [probed], retries: 1 }, async ({ event, step }) => {
  const a = await step.run("first", () => counted("first", () => event.data.n + 1));
  const [b, c] = await Promise.all([step.run("left", () => counted("left", () => a * 2)), step.run("right", () => counted("right", () => a * 3))]);
  await step.run("maybe-fail", () =>
    counted("maybe-fail", () => {
      if (event.data.fail === "retriable") throw new Error("try again");
      if (event.data.fail === "fatal") throw new NonRetriableError("give up");
      return null;
    }),
  );
  if (event.data.fail === "body") throw new Error("after the steps");
  return { a, b, c };
});

const sleeper = client.createFunction({ id: "internals-sleeper", triggers: [probed] }, async ({ step }) => {
  await step.sleep("nap", "1m");
});

const event = (fail: Failure) => ({ id: `event-${fail}`, name: probed.name, data: { n: 1, fail }, ts: 0 });
/** Step ids are the SHA-1 of the step's name: JobStep rows stored by an older SDK must still match. */
const stepId = (name: string) => createHash("sha1").update(name).digest("hex");

/** The executor's loop, in memory: store each step that ran, run each planned step, stop at the end. */
async function drive(fail: Failure, attempt = 0): Promise<ExecutionOutcome[]> {
  const steps: StoredStep[] = [];
  const outcomes: ExecutionOutcome[] = [];
  let runStep: string | undefined;
  for (let round = 0; round < 10; round += 1) {
    const outcome = await executeOnce(probe, { runId: `run-${fail}`, attempt, event: event(fail), steps, runStep });
    outcomes.push(outcome);
    runStep = outcome.kind === "step-planned" ? outcome.stepId : undefined;
    if (outcome.kind === "step-ran" && !outcome.retriable) {
      steps.push({ stepId: outcome.step.id, data: outcome.step.data, error: outcome.failed ? outcome.step.error : null });
    } else if (outcome.kind !== "step-planned") {
      return outcomes;
    }
  }
  throw new Error("the function did not finish");
}

const ran = (name: string, data: unknown) => ({ kind: "step-ran", step: { id: stepId(name), name, data }, failed: false, retriable: false });

describe("the Inngest execution engine, as the local executor drives it", () => {
  it("runs a lone step at once, plans parallel steps one by one, replays memoized steps and resolves", async () => {
    for (const name of Object.keys(calls)) delete calls[name];
    expect(await drive("no")).toEqual([
      ran("first", 2),
      { kind: "step-planned", stepId: stepId("left") },
      ran("left", 4),
      ran("right", 6),
      ran("maybe-fail", null),
      { kind: "resolved", data: { a: 2, b: 4, c: 6 } },
    ]);
    expect(calls).toEqual({ first: 1, left: 1, right: 1, "maybe-fail": 1 });
  });

  it("reports a thrown step as failed and retriable, with the error serialised", async () => {
    const outcomes = await drive("retriable");
    expect(outcomes.at(-1)).toMatchObject({
      kind: "step-ran",
      step: { id: stepId("maybe-fail"), name: "maybe-fail", error: { name: "Error", message: "try again" } },
      failed: true,
      retriable: true,
    });
  });

  it("leaves counting attempts to the executor: a thrown step stays retriable past the function's retries", async () => {
    const outcomes = await drive("retriable", 5);
    expect(outcomes.at(-1)).toMatchObject({ kind: "step-ran", failed: true, retriable: true });
  });

  it("rejects the run, not retriable, on a NonRetriableError", async () => {
    const outcomes = await drive("fatal");
    expect(outcomes.at(-1)).toMatchObject({ kind: "rejected", error: { message: "give up" }, retriable: false });
  });

  it("rejects, retriably, when the handler throws outside a step", async () => {
    const outcomes = await drive("body");
    expect(outcomes.at(-1)).toMatchObject({ kind: "rejected", error: { message: "after the steps" }, retriable: true });
  });

  it("names what only an Inngest server can do", async () => {
    const outcome = await executeOnce(sleeper, { runId: "run-sleep", attempt: 0, event: event("no"), steps: [] });
    expect(outcome).toEqual({ kind: "unsupported", what: "Sleep steps" });
  });
});
