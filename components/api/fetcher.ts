// The one browser-side fetcher: JSON in, JSON out, and API errors rebuilt as ApiError so
// components can show `error.message` (already written for people) or branch on `error.code`.
// It lives under components/ because only client components call it: lib/ holds server code
// (lib/http is the route wrapper), and the fetcher needs nothing from there but the neutral
// error codes in lib/errors.ts.
import type { ErrorBody, ErrorCode } from "@/lib/errors";

export class ApiError extends Error {
  readonly code: ErrorCode | "network_error";
  readonly status: number;
  readonly retryAfter?: number;

  constructor(code: ApiError["code"], message: string, status: number, retryAfter?: number) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export async function apiFetch<T>(path: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? (init?.body === undefined ? "GET" : "POST"),
      headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init?.signal,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("network_error", "Could not reach BaatCheet. Check your connection and try again.", 0);
  }
  const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(
      error?.code ?? "internal_error",
      error?.message ?? `Request failed (${response.status}).`,
      response.status,
      error?.retry_after,
    );
  }
  return data as T;
}

/** A JSON request whose success is a file (an export): its bytes and the name the server gave it. */
export async function apiDownload(path: string, body: unknown): Promise<{ blob: Blob; fileName: string } | { json: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
  } catch {
    throw new ApiError("network_error", "Could not reach BaatCheet. Check your connection and try again.", 0);
  }
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || (type.includes("application/json") && !response.headers.has("content-disposition"))) {
    const data: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { json: data };
    const error = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(error?.code ?? "internal_error", error?.message ?? `Request failed (${response.status}).`, response.status, error?.retry_after);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : (plain ?? "export") };
}
