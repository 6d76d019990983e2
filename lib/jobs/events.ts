// Job events. Each is declared once, with zod, beside the domain that starts it
// (lib/media/ocr/events.ts, …), through `defineJobEvent`: lib/jobs stays below the domains and
// imports none of them. Every event carries the `jobId` whose row (lib/jobs/service.ts) reports
// status and progress, and the owner's `userId`, so functions call services with the same
// ownership checks as the API.
import { EventType } from "inngest";
import { z } from "zod";

const jobFields = {
  jobId: z.string().min(1).describe("The job row that reports this run's status"),
  userId: z.string().min(1).describe("The owner; services check every row against it"),
};

/** What every job event's data holds. */
export type JobPayload = z.infer<z.ZodObject<typeof jobFields>>;

/** A job's event: its name and the zod schema of its data. */
export type JobEvent<TData extends JobPayload> = EventType<string, z.ZodType<TData, TData>>;

/** Declares an event whose data is `shape` plus the job fields. Schemas must not transform. */
export function defineJobEvent<TName extends string, TShape extends z.ZodRawShape>(name: TName, shape: TShape) {
  return new EventType({ name, schema: z.object({ ...jobFields, ...shape }) });
}
