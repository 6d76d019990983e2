// The OpenAI error format, for the OpenAI-compatible routes (`errorFormat: "openai"`): OpenAI
// clients pick their exception class by status and read `{ error: { message, type, param, code } }`,
// so those routes answer exactly that. One table maps every BaatCheet error code onto OpenAI's
// type, status and code; the wrapper and the mid-stream SSE error event both render through it.
import { z } from "zod";
import type { AppError, ErrorCode } from "@/lib/errors";

const openAiErrorTypes = [
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "not_found_error",
  "conflict_error",
  "rate_limit_error",
  "server_error",
] as const;
type OpenAiErrorType = (typeof openAiErrorTypes)[number];

interface OpenAiMapping {
  type: OpenAiErrorType;
  /** When OpenAI answers this with another status than ours (OpenAI has no 422; an unknown model is its 404). */
  status?: number;
  /** OpenAI's own code where it has one; otherwise ours passes through. */
  code?: string;
}

/** Every error code, so a new one cannot leave these routes without an OpenAI type. */
const openAiMapping: Record<ErrorCode, OpenAiMapping> = {
  invalid_json: { type: "invalid_request_error" },
  invalid_path: { type: "invalid_request_error" },
  invalid_code: { type: "invalid_request_error" },
  code_expired: { type: "invalid_request_error" },
  code_used: { type: "invalid_request_error" },
  unauthorized: { type: "authentication_error" },
  invalid_api_key: { type: "authentication_error" },
  invalid_credentials: { type: "authentication_error" },
  forbidden: { type: "permission_error" },
  email_not_verified: { type: "permission_error" },
  not_found: { type: "not_found_error" },
  method_not_allowed: { type: "invalid_request_error" },
  conflict: { type: "conflict_error" },
  invite_expired: { type: "invalid_request_error" },
  email_taken: { type: "conflict_error" },
  unknown_model: { type: "not_found_error", status: 404, code: "model_not_found" },
  payload_too_large: { type: "invalid_request_error" },
  unsupported_media_type: { type: "invalid_request_error" },
  invalid_upload: { type: "invalid_request_error" },
  validation_failed: { type: "invalid_request_error", status: 400, code: "invalid_value" },
  unsupported_parameter: { type: "invalid_request_error" },
  rate_limited: { type: "rate_limit_error", code: "rate_limit_exceeded" },
  internal_error: { type: "server_error" },
  provider_rejected: { type: "invalid_request_error" },
  provider_unavailable: { type: "server_error" },
  not_ready: { type: "server_error" },
  database_unavailable: { type: "server_error" },
  shutting_down: { type: "server_error" },
};

/** The OpenAI error body as a schema, for the OpenAPI document. */
export const openAiErrorBodySchema = z
  .object({
    error: z.object({
      message: z.string().describe("Written for people"),
      type: z.enum(openAiErrorTypes).describe("The kind of error, as OpenAI names them"),
      param: z.string().nullable().describe("The request field at fault (`messages[0].content`, `tools`), or null"),
      code: z.string().nullable().describe("Machine-readable: OpenAI's code where it has one (`model_not_found`, `rate_limit_exceeded`), else BaatCheet's"),
    }),
  })
  .describe("An error in the OpenAI format");
export type OpenAiErrorBody = z.infer<typeof openAiErrorBodySchema>;

export function openAiErrorStatus(error: AppError): number {
  return openAiMapping[error.code].status ?? error.status;
}

export function openAiErrorBody(error: AppError): OpenAiErrorBody {
  const mapping = openAiMapping[error.code];
  return { error: { message: error.message, type: mapping.type, param: error.param ?? null, code: mapping.code ?? error.code } };
}
