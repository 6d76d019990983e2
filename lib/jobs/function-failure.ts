// How functions end: under Inngest a run that used up its retries lands in `failJobOnFailure`
// and the job row says why (the local executor records failures itself). A caller's mistake
// (a 4xx AppError: missing image, refused audio) fails at once instead of being retried.
import { NonRetriableError } from "inngest";
import { AppError } from "@/lib/errors";
import { failJob } from "./service";

export async function failJobOnFailure({ event, error }: { event: { data: { event: { data: unknown } } }; error: Error }) {
  const data = event.data.event.data;
  const jobId = data && typeof data === "object" && "jobId" in data && typeof data.jobId === "string" ? data.jobId : undefined;
  if (jobId) await failJob(jobId, error.message);
}

export async function unlessClientError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.status < 500) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}
