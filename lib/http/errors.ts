// Turns anything thrown into an AppError (zod and Prisma errors included) and an AppError into
// the JSON error response, in the route's error format. The Prisma mapping lives here, in the
// HTTP layer, so lib/errors.ts stays free of Prisma.
import { Prisma } from "@/lib/db/generated/client";
import { z } from "zod";
import { AppError, errorStatus, type ErrorBody } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { log } from "@/lib/log";
import { openAiErrorBody, openAiErrorStatus } from "./openai-errors";
import { isUnsupportedIssue } from "./unsupported";

/** How a route words its errors: BaatCheet's `{ code, message }`, or OpenAI's (see openai-errors.ts). */
export type ErrorFormat = "baatcheet" | "openai";

/** The error body as a schema, for the OpenAPI document. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]).describe("Stable, machine-readable"),
    message: z.string().describe("Written for people"),
    retry_after: z.int().optional().describe("Seconds to wait (429, and 503 when the database is unavailable or the server is shutting down)"),
  }),
});

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** A path as OpenAI names a field: `messages[1].content`. */
function paramOf(path: readonly PropertyKey[]): string | undefined {
  const param = path.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    "",
  );
  return param || undefined;
}

/**
 * A failed parse as an AppError naming the field at fault: a field the schema marks as
 * unsupported wins (it is the one to drop), otherwise the first issue names it.
 */
export function validationError(error: z.ZodError): AppError {
  const unsupported = error.issues.find(isUnsupportedIssue);
  const primary = unsupported ?? error.issues[0];
  const param = primary ? paramOf(primary.path) : undefined;
  if (unsupported) return new AppError("unsupported_parameter", param ? `${param}: ${unsupported.message}` : unsupported.message, { param });
  return new AppError("validation_failed", formatZodError(error), { param });
}

/** Seconds a client should wait before trying again while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The database outage as the client sees it: a 503 that says to come back, not a 500 that says we broke. */
export function databaseUnavailable(): AppError {
  return new AppError("database_unavailable", "The database cannot be reached right now. Try again in a few seconds.", {
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });
}

/** Normalises anything thrown into an AppError; unknown errors are logged with the request id. */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return validationError(error);
  if (isDatabaseUnavailable(error)) {
    // One line, not a stack per request: during an outage every request lands here.
    log.warn("database unavailable", { requestId, error: error instanceof Error ? error.message.split("\n").at(-1) : String(error) });
    return databaseUnavailable();
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("conflict", "A record with these values already exists.");
    if (error.code === "P2025") return new AppError("not_found", "Not found.");
  }
  log.error("unhandled error", {
    requestId,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  return new AppError("internal_error", `Something went wrong on our side. Request id: ${requestId}.`);
}

export function errorResponse(error: AppError, headers?: HeadersInit, format: ErrorFormat = "baatcheet"): Response {
  const responseHeaders = new Headers(headers);
  if (error.retryAfterSeconds !== undefined) responseHeaders.set("Retry-After", String(error.retryAfterSeconds));
  if (format === "openai") return Response.json(openAiErrorBody(error), { status: openAiErrorStatus(error), headers: responseHeaders });
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.retryAfterSeconds !== undefined) body.error.retry_after = error.retryAfterSeconds;
  return Response.json(body, { status: error.status, headers: responseHeaders });
}
