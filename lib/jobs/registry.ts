// The functions that run jobs. lib/jobs never imports them: they live in inngest/functions and
// import the very services that start jobs, so importing them from here would close a loop.
// Whoever serves them hands them over instead: the server at start-up (instrumentation.ts, as a
// loader, so the media code loads only once a job needs it) and the Vitest setup.
import "server-only";
import type { InngestFunction } from "inngest";
import { processSingleton } from "@/lib/process/singleton";

export type JobFunctionLoader = () => Promise<readonly InngestFunction.Any[]>;

// Per process, not per route bundle: the server provides them once, every route starts jobs.
const registry = processSingleton("job-functions", () => ({ load: undefined as JobFunctionLoader | undefined }));

export function provideJobFunctions(load: JobFunctionLoader): void {
  registry.load = load;
}

export async function jobFunctions(): Promise<readonly InngestFunction.Any[]> {
  if (!registry.load) throw new Error("No job functions were provided to lib/jobs (instrumentation.ts does this at start-up).");
  return registry.load();
}

/** The id of the function an event starts: a job runs exactly one. */
export async function functionIdFor(eventName: string): Promise<string> {
  const fn = (await jobFunctions()).find((candidate) =>
    ((candidate.opts.triggers ?? []) as readonly object[]).some((trigger) => "event" in trigger && trigger.event === eventName),
  );
  if (!fn) throw new Error(`No function is triggered by ${eventName}.`);
  return fn.id();
}
