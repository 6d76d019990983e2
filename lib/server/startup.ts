// Server lifecycle: migrate at start (so /ready turns 200 only when the schema is current) and
// stop gracefully on SIGTERM/SIGINT (shutdown.ts): running replies and jobs get
// SHUTDOWN_GRACE_MS, then the database is closed (and an embedded PGlite's lock freed).
import { database, ensureMigrated } from "@/lib/db";
import { env } from "@/lib/env";
import { parseTrustProxy, trackClientAddresses } from "@/lib/http/client-address";
import { resumeJobs } from "@/lib/jobs/dispatch";
import { provideJobFunctions, type JobFunctionLoader } from "@/lib/jobs/registry";
import { log } from "@/lib/log";
import { outboxReaders } from "@/lib/mail/send";
import { shutDownGracefully } from "./shutdown";

let shuttingDown = false;

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info("shutting down", { signal });
  await shutDownGracefully({ graceMs: env.SHUTDOWN_GRACE_MS });
}

const RETRY_MIGRATIONS_MS = 5_000;

/**
 * Started while the database was down: requests retry the migrations themselves, but nothing
 * would pick up the jobs a previous process left, so retry here until it answers.
 */
function resumeJobsOnceMigrated() {
  const timer = setTimeout(() => {
    if (shuttingDown) return;
    ensureMigrated().then(
      () => {
        log.info("database ready", { backend: database().backend });
        resumeJobs();
      },
      () => resumeJobsOnceMigrated(),
    );
  }, RETRY_MIGRATIONS_MS);
  timer.unref();
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
    resumeJobsOnceMigrated();
  }
  if (!env.SMTP_URL) {
    log.warn(
      `SMTP_URL is not set: sign-up codes go to the server log and /dev/outbox (readable by ${outboxReaders() === "admins" ? "admins only" : "anyone"}). Set SMTP_URL in production.`,
    );
  }
  if (env.NODE_ENV === "production" && !env.NEXT_MANUAL_SIG_HANDLE) {
    log.warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next exits as soon as open connections close, which can cut replies still being saved. Start with `npm start` (it sets it).",
    );
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void shutdown(signal).finally(() => process.exit(0)));
  }
}
