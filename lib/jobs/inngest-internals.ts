// The one place that reaches past the Inngest SDK's public API. Written against inngest 4.24.0,
// which package.json pins exactly so that an upgrade is a deliberate change that runs
// inngest-internals.test.ts. The local executor drives functions through the SDK's own execution
// engine (what the serve handler runs for each request from an Inngest server), so function code
// is the same under both. What this relies on:
// - `InngestExecutionEngine.createExecutionEngine` from "inngest/internals", given the options
//   the serve handler builds: the function and its (protected) `client`, the run id, the event,
//   the memoized steps keyed by hashed step id (`{ id, data }` or `{ id, error }`) with their
//   completion order, `StepMode.Async`, and `requestedRunStep` to run one planned step;
// - step ids being the SHA-1 of the step's name, so JobStep rows stored before an upgrade
//   still replay after it;
// - `start()` answering one of: "step-ran" (one step ran: op `StepRun`, or `StepError` /
//   `StepFailed` with its serialised error, plus `retriable`; the SDK does not count attempts
//   here, the executor does), "steps-found" (new steps; a `step.run` that may run now is op
//   `StepPlanned`), "function-resolved" or "function-rejected" (`retriable` false for a
//   NonRetriableError);
// - `ServerTiming` from "inngest/internals", which the engine needs as its timer.
import "server-only";
import type { InngestFunction } from "inngest";
import { InngestExecution, InngestExecutionEngine, ServerTiming } from "inngest/internals";
import { StepMode, StepOpCode } from "inngest/types";

/** A step result kept between runs: `error` is set (and `data` unused) when the step failed for good. */
export interface StoredStep {
  stepId: string;
  data: unknown;
  error: unknown;
}

export interface ExecutionInput {
  runId: string;
  /** Retries of the current step so far. */
  attempt: number;
  event: { id: string; name: string; data: Record<string, unknown>; ts: number };
  /** Every step finished so far, in the order they finished. */
  steps: readonly StoredStep[];
  /** A step the previous call planned, to run now. */
  runStep?: string;
}

/** What one call into the engine did, in the executor's terms. */
export type ExecutionOutcome =
  | {
      kind: "step-ran";
      step: { id: string; name: string; data: unknown; error: unknown };
      failed: boolean;
      /** A failed step that may be tried again (the SDK has not given up on it). */
      retriable: boolean;
    }
  | { kind: "step-planned"; stepId: string }
  | { kind: "resolved"; data: unknown }
  | { kind: "rejected"; error: unknown; retriable: boolean }
  /** Something only an Inngest server can do (sleep, waitForEvent, invoke, …). */
  | { kind: "unsupported"; what: string };

const silent = { info() {}, warn() {}, error() {}, debug() {} };
type TimerLogger = ConstructorParameters<typeof ServerTiming.ServerTiming>[0];

/** Runs `fn` until it finishes, fails, runs one step or finds new ones, replaying `steps` as memoized. */
export async function executeOnce(fn: InngestFunction.Any, input: ExecutionInput): Promise<ExecutionOutcome> {
  const stepState: Record<string, InngestExecution.MemoizedOp> = {};
  for (const step of input.steps) {
    stepState[step.stepId] = step.error ? { id: step.stepId, error: step.error } : { id: step.stepId, data: step.data };
  }
  const data = { runId: input.runId, attempt: input.attempt, event: input.event, events: [input.event] };
  const execution = InngestExecutionEngine.createExecutionEngine({
    fn,
    client: fn["client"],
    runId: input.runId,
    data: data as InngestExecution.InngestExecutionOptions["data"],
    reqArgs: [],
    headers: {},
    stepState,
    stepCompletionOrder: input.steps.map((step) => step.stepId),
    stepMode: StepMode.Async,
    requestedRunStep: input.runStep,
    timer: new ServerTiming.ServerTiming(silent as unknown as TimerLogger),
  });
  const result = await execution.start();
  switch (result.type) {
    case "step-ran": {
      const { step } = result;
      const failed = step.op === StepOpCode.StepError || step.op === StepOpCode.StepFailed || step.error !== undefined;
      return {
        kind: "step-ran",
        step: { id: step.id, name: step.displayName ?? step.name ?? step.id, data: step.data, error: step.error },
        failed,
        retriable: failed && result.retriable !== false && step.op !== StepOpCode.StepFailed,
      };
    }
    case "steps-found": {
      const planned = result.steps.find((step) => step.op === StepOpCode.StepPlanned);
      if (planned) return { kind: "step-planned", stepId: planned.id };
      return { kind: "unsupported", what: `${result.steps.map((step) => step.op).join(", ")} steps` };
    }
    case "function-resolved":
      return { kind: "resolved", data: result.data };
    case "function-rejected":
      return { kind: "rejected", error: result.error, retriable: result.retriable !== false };
    default:
      return { kind: "unsupported", what: `an execution result of type ${result.type}` };
  }
}
