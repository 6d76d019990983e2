// The Inngest client. With INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY set, jobs are sent to
// Inngest (Cloud, or self-hosted at INNGEST_BASE_URL) and run through /api/inngest; otherwise
// lib/jobs/executor.ts drives the same functions in-process. The id is fixed: Inngest keys runs
// and history by it.
import "server-only";
import { Inngest, type LogArg } from "inngest";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

function toMessage(args: LogArg[]): { message: string; context?: Record<string, unknown> } {
  const [first, ...rest] = args;
  const message = typeof first === "string" ? first : "inngest";
  const details = (typeof first === "string" ? rest : args).map((value) =>
    value instanceof Error ? { name: value.name, message: value.message } : value,
  );
  return { message, context: details.length ? { details } : undefined };
}

const logger = {
  debug: (...args: LogArg[]) => log.debug(toMessage(args).message, toMessage(args).context),
  info: (...args: LogArg[]) => log.info(toMessage(args).message, toMessage(args).context),
  warn: (...args: LogArg[]) => log.warn(toMessage(args).message, toMessage(args).context),
  // Step failures are retried and recorded on the job; the SDK's own error lines would repeat them.
  error: (...args: LogArg[]) => log.debug(toMessage(args).message, toMessage(args).context),
};

/** True when jobs should go to an Inngest server rather than the in-process executor. */
export const inngestConfigured = Boolean(env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY);

export const inngest = new Inngest({
  id: "baatcheet",
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  baseUrl: env.INNGEST_BASE_URL,
  isDev: inngestConfigured ? false : undefined,
  logger,
});
