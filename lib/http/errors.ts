// Turns anything thrown into an AppError (zod and Prisma errors included) and an AppError into
// the JSON error response. The Prisma mapping lives here, in the HTTP layer, so lib/errors.ts
// stays free of Prisma.
import { Prisma } from "@/lib/db/generated/client";
import { z } from "zod";
import { AppError, errorStatus, type ErrorBody } from "@/lib/errors";
import { log } from "@/lib/log";

/** The error body as a schema, for the OpenAPI document. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]).describe("Stable, machine-readable"),
    message: z.string().describe("Written for people"),
    retry_after: z.int().optional().describe("Seconds to wait (429 only)"),
  }),
});

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Normalises anything thrown into an AppError; unknown errors are logged with the request id. */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError("validation_failed", formatZodError(error));
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

export function errorResponse(error: AppError, headers?: HeadersInit): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  const responseHeaders = new Headers(headers);
  if (error.retryAfterSeconds !== undefined) {
    body.error.retry_after = error.retryAfterSeconds;
    responseHeaders.set("Retry-After", String(error.retryAfterSeconds));
  }
  return Response.json(body, { status: error.status, headers: responseHeaders });
}
