// The one mapping from a failed model call to an API error, for every caller: the JSON error of
// completions and media routes, the failed job, and the error event that ends a chat stream.
import { AppError } from "@/lib/errors";

export type FailoverFailure =
  /** The provider refused the request itself (400, 404, 413, 422, …): any key would. */
  | { kind: "rejected"; message: string }
  /** Every key of every candidate failed, or none was usable (`attempts` 0). */
  | { kind: "unavailable"; attempts: number };

/** `service` names what failed, e.g. "speech-to-text provider". */
export function failoverError(failure: FailoverFailure, service = "AI provider"): AppError {
  if (failure.kind === "rejected") {
    return new AppError("provider_rejected", `The ${service} refused the request: ${failure.message}`);
  }
  if (failure.attempts === 0) {
    return new AppError("provider_unavailable", `Every ${service} key is cooling down or disabled. Try again in a few seconds.`);
  }
  const attempts = `${failure.attempts} attempt${failure.attempts === 1 ? "" : "s"}`;
  return new AppError("provider_unavailable", `Every ${service} failed (${attempts}). Try again in a moment.`);
}
