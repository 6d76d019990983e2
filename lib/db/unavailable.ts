// Tells "the database cannot be reached" apart from every other database error, so the HTTP
// layer can answer 503 database_unavailable (retry later) instead of a 500 (our bug). The same
// outage reaches us in several shapes: Prisma's error codes over the pg adapter, the adapter's
// own DriverAdapterError, node-postgres's plain Errors (pool connect timeout, a connection
// terminated mid-query) and socket errors on the raw SQL path. Neutral: no Prisma import, so
// the check reads fields by name.

/** Prisma: can't reach (P1001), timed out (P1002, P1008), server closed the connection (P1017), too many connections (P2037). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
/** The pg adapter's error kinds behind those codes. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);
/** Socket errors of a server that is down, restarting or unreachable. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
/**
 * SQLSTATE: class 08 (connection exception), 57P01-57P03 (the server is shutting down or not
 * accepting connections yet: a restart), 53300 (too many connections).
 */
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** node-postgres's own wording for a lost connection or a pool connect timeout (these carry no code). */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Can't reach database server/i;

function fields(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** The error, what it wraps (`cause`, Prisma's `meta.driverAdapterError`) and so on, a few levels deep. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  let pending: unknown[] = [error];
  for (let depth = 0; depth < 5 && pending.length; depth += 1) {
    const next: unknown[] = [];
    for (const item of pending) {
      const current = fields(item);
      if (!current) continue;
      yield current;
      next.push(current.cause, fields(current.meta)?.driverAdapterError);
    }
    pending = next;
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of chain(error)) {
    const code = typeof link.code === "string" ? link.code : undefined;
    const kind = typeof link.kind === "string" ? link.kind : undefined;
    const originalCode = typeof link.originalCode === "string" ? link.originalCode : undefined;
    if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (kind && ADAPTER_KINDS.has(kind)) return true;
    if (originalCode && SQLSTATE.test(originalCode)) return true;
    if (typeof link.message === "string" && PG_MESSAGES.test(link.message)) return true;
  }
  return false;
}

/**
 * Runs `work`, trying again while the database cannot be reached, for up to `forMs`. For writes
 * whose content exists nowhere else once the moment passes (a reply the user has already seen
 * stream): worth holding on to through a restart or failover rather than dropping.
 */
export async function retryWhileDatabaseUnavailable<T>(
  work: () => Promise<T>,
  { forMs = 30_000, everyMs = 1_000 }: { forMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + forMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + everyMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
