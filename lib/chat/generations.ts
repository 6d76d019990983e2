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
  /** Shutdown waits for these: resolved whenever the last running generation ends. */
  idleWaiters: new Set<() => void>(),
  /** Work a reply leaves running once its response has ended (a new chat's AI title). */
  afterReply: new Set<Promise<unknown>>(),
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
    // Prisma's messages run to a dozen lines; during a database outage this fires every second.
    abortRequestedStops().catch((error: unknown) => log.warn("stop poll failed", { error: String(error).split("\n").at(-1) }));
  }, POLL_MS);
  return () => {
    if (running.get(messageId) === controller) running.delete(messageId);
    if (running.size > 0) return;
    if (generations.poller) {
      clearInterval(generations.poller);
      generations.poller = undefined;
    }
    for (const resolve of generations.idleWaiters) resolve();
    generations.idleWaiters.clear();
  };
}

export function runningGenerations(): number {
  return running.size;
}

/** Resolves once no generation runs in this process (each has saved its reply by then). */
export function whenGenerationsIdle(): Promise<void> {
  if (running.size === 0) return Promise.resolve();
  return new Promise((resolve) => generations.idleWaiters.add(resolve));
}

/** Shutdown past its grace period: every running reply stops and is saved with what arrived, as incomplete. */
export function abortAllGenerations(): number {
  const count = running.size;
  for (const controller of running.values()) controller.abort(new DOMException("the server is shutting down", "AbortError"));
  return count;
}

export function abortGeneration(messageId: string): boolean {
  const controller = running.get(messageId);
  controller?.abort(new DOMException("stopped by the user", "AbortError"));
  return Boolean(controller);
}

/** Keeps track of work a reply started but does not wait for, so shutdown (and tests) can. */
export function runAfterReply(task: Promise<unknown>): void {
  generations.afterReply.add(task);
  void task.finally(() => generations.afterReply.delete(task));
}

/** Resolves once the work replies left running has settled. */
export async function whenAfterReplySettled(): Promise<void> {
  while (generations.afterReply.size > 0) await Promise.allSettled([...generations.afterReply]);
}
