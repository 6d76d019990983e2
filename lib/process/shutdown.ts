// Whether this process is shutting down (SIGTERM received). Process-wide, so every route bundle
// sees the same answer: the route wrapper refuses new work, readiness reports not ready.
import { processSingleton } from "./singleton";

const state = processSingleton("shutdown", () => ({ since: undefined as number | undefined }));

export function beginShutdown(): void {
  state.since ??= Date.now();
}

export function isShuttingDown(): boolean {
  return state.since !== undefined;
}

/** Tests end a simulated shutdown. */
export function endShutdown(): void {
  state.since = undefined;
}
