// A graceful stop (SIGTERM, SIGINT): refuse new work, let running replies and jobs finish within
// a grace period, then end what is left without losing anything acknowledged — replies are
// saved with the text that arrived, marked incomplete; jobs hand their leases back so the next
// process resumes them from their last finished step — and close the database last.
import { abortAllGenerations, runningGenerations, whenAfterReplySettled, whenGenerationsIdle } from "@/lib/chat/generations";
import { closeDatabase } from "@/lib/db";
import { jobExecutor } from "@/lib/jobs/dispatch";
import { log } from "@/lib/log";
import { beginShutdown } from "@/lib/process/shutdown";

/** After the grace period, how long the stopped replies get to save before the database closes anyway. */
const SAVE_BOUND_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface ShutdownReport {
  /** Replies still running at the end of the grace period, stopped and saved as incomplete. */
  stoppedReplies: number;
  /** Jobs still running at the end, whose leases were handed back. */
  releasedJobs: number;
}

/** `close` is the last step; tests keep their database open past it. */
export async function shutDownGracefully({ graceMs, close = closeDatabase }: { graceMs: number; close?: () => Promise<void> }): Promise<ShutdownReport> {
  beginShutdown();
  const executor = jobExecutor();
  executor.stop();
  log.info("draining", { graceMs, replies: runningGenerations() });
  const finished = Promise.all([whenGenerationsIdle(), whenAfterReplySettled(), executor.idle()]).then(() => true);
  const inTime = await Promise.race([finished, sleep(graceMs).then(() => false)]);
  let stoppedReplies = 0;
  if (!inTime) {
    stoppedReplies = abortAllGenerations();
    await Promise.race([whenGenerationsIdle(), sleep(SAVE_BOUND_MS)]);
  }
  const releasedJobs = await executor.releaseLeases().catch((error: unknown) => {
    log.error("job leases could not be released; they resume when the lease expires", { error: String(error) });
    return 0;
  });
  await close().catch((error: unknown) => log.error("database close failed", { error: String(error) }));
  log.info("shut down", { stoppedReplies, releasedJobs });
  return { stoppedReplies, releasedJobs };
}
