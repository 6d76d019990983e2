// Server lifecycle: migrate at start (so /ready turns 200 only when the schema is current) and
// release the database on SIGTERM/SIGINT so an embedded PGlite is closed and its lock freed.
import { closeDatabase, database, ensureMigrated } from "@/lib/db";
import { env } from "@/lib/env";
import { parseTrustProxy, trackClientAddresses } from "@/lib/http/client-address";
import { resumeJobs } from "@/lib/jobs/dispatch";
import { provideJobFunctions, type JobFunctionLoader } from "@/lib/jobs/registry";
import { log } from "@/lib/log";
import { outboxReaders } from "@/lib/mail/send";

let shuttingDown = false;

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info("shutting down", { signal });
  await closeDatabase().catch((error: unknown) => log.error("database close failed", { error: String(error) }));
}

/** `jobFunctions` loads the Inngest functions: lib never imports them, the caller hands them over. */
export async function startServer({ jobFunctions }: { jobFunctions: JobFunctionLoader }): Promise<void> {
  // First, before anything can await: every request from now on gets its address from its socket.
  trackClientAddresses(parseTrustProxy(env.TRUST_PROXY));
  provideJobFunctions(jobFunctions);
  const started = performance.now();
  try {
    await ensureMigrated();
    log.info("database ready", { backend: database().backend, ms: Math.round(performance.now() - started) });
    // Jobs a previous process left half done continue from their last finished step.
    resumeJobs();
  } catch (error) {
    // Keep serving: /live answers and /ready reports 503 until a later attempt succeeds.
    log.error("database not ready", { error: error instanceof Error ? error.message : String(error) });
  }
  if (!env.SMTP_URL) {
    log.warn(
      `SMTP_URL is not set: sign-up codes go to the server log and /dev/outbox (readable by ${outboxReaders() === "admins" ? "admins only" : "anyone"}). Set SMTP_URL in production.`,
    );
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void shutdown(signal).finally(() => process.exit(0)));
  }
}
