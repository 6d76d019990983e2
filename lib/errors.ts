// The one error class and the only code → status table. Neutral on purpose: it imports nothing
// (no Prisma, env, auth or HTTP layer), so any lib folder and the browser fetcher can use it
// without pulling the server stack in. Every API error leaves as { "error": { "code", "message" } }
// (plus `retry_after` seconds on 429 and 503); lib/http/errors.ts maps anything else thrown onto it. The
// OpenAI-compatible routes reword the same errors in OpenAI's shape (lib/http/openai-errors.ts).
export const errorStatus = {
  /** The body is not valid JSON. */
  invalid_json: 400,
  /** The URL path does not decode (malformed percent-encoding). */
  invalid_path: 400,
  /** A one-time code does not match. */
  invalid_code: 400,
  /** A one-time code is past its expiry; ask for a new one. */
  code_expired: 400,
  /** A one-time code was already used; ask for a new one. */
  code_used: 400,
  /** No valid session or API key. */
  unauthorized: 401,
  /** The Bearer API key is unknown, malformed, revoked or expired (the same answer for each). */
  invalid_api_key: 401,
  /** Email or password (or code) is wrong, or the account does not exist. */
  invalid_credentials: 401,
  /** Authenticated, but the role or scope does not allow this. */
  forbidden: 403,
  /** The password was right but the email address is not verified yet. */
  email_not_verified: 403,
  /** The resource does not exist or belongs to someone else. */
  not_found: 404,
  /** The HTTP method is not supported on this path. */
  method_not_allowed: 405,
  conflict: 409,
  /** A workspace invite link past its expiry; ask for a new one. */
  invite_expired: 410,
  /** An account with this email already exists. */
  email_taken: 409,
  /** The requested model id is not in GET /api/v1/chat/models. */
  unknown_model: 400,
  /** The body (or an uploaded file, or an image's dimensions) is over the limit. */
  payload_too_large: 413,
  /** The body's content type, or an upload's real type (by its magic numbers), is not accepted here. */
  unsupported_media_type: 415,
  /** The upload is missing, empty, truncated or corrupt. */
  invalid_upload: 400,
  /** The body parsed but failed validation; the message says which field and why. */
  validation_failed: 422,
  /** A field this endpoint knows but does not serve (e.g. `tools` on chat completions); the message says what is supported. */
  unsupported_parameter: 400,
  /** Too many attempts; `retry_after` says how many seconds to wait. */
  rate_limited: 429,
  internal_error: 500,
  /** The AI provider refused the request itself (e.g. too long for the model's context); retrying will not help. */
  provider_rejected: 400,
  /** Every provider key and fallback model failed (or none is configured). */
  provider_unavailable: 503,
  /** The service is starting or a dependency is down. */
  not_ready: 503,
  /** The database cannot be reached (restarting, failing over, network); `Retry-After` says when to try again. */
  database_unavailable: 503,
  /** The server is shutting down: send the request again (another instance, or this one after its restart). */
  shutting_down: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds?: number;
  /** The request field at fault (`messages[0].content`), when one is: OpenAI-format errors name it. */
  readonly param?: string;

  constructor(code: ErrorCode, message: string, options?: { retryAfterSeconds?: number; param?: string }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.param = options?.param;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; retry_after?: number };
}
