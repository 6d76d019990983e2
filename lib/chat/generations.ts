// Generations running in this process. A stop request that lands here aborts one at once; one
// that lands on another instance only sets Message.stopRequestedAt, so this process polls for
// those flags: one query a second for all its running generations, not one per stream.
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process/singleton";

const POLL_MS = 1000;
// One per process: the chat route starts a generation and the stop route (another bundle) aborts it.
const generations = processSingleton("running-generations", () => ({
  running: new Map<string, AbortController>(),
  poller: undefined as ReturnType<typeof setInterval> | undefined,
}));
const running = generations.running;

async function abortRequestedStops() {
  const ids = [...running.keys()];
  if (ids.length === 0) return;
  const stopped = await db().message.findMany({
    where: { id: { in: ids }, stopRequestedAt: { not: null } },
    select: { id: true },
  });
  for (const { id } of stopped) abortGeneration(id);
}

export function registerGeneration(messageId: string, controller: AbortController): () => void {
  running.set(messageId, controller);
  generations.poller ??= setInterval(() => {
    abortRequestedStops().catch((error: unknown) => log.warn("stop poll failed", { error: String(error) }));
  }, POLL_MS);
  return () => {
    if (running.get(messageId) === controller) running.delete(messageId);
    if (running.size === 0 && generations.poller) {
      clearInterval(generations.poller);
      generations.poller = undefined;
    }
  };
}

export function abortGeneration(messageId: string): boolean {
  const controller = running.get(messageId);
  controller?.abort(new DOMException("stopped by the user", "AbortError"));
  return Boolean(controller);
}
