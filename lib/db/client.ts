// Builds the one Prisma client over a driver adapter: embedded PGlite by default, PostgreSQL
// when DATABASE_URL is set. Both backends run the same migrations and the same queries.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Pool } from "pg";
import { log } from "@/lib/log";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { pgliteRunner, postgresRunner, type SqlRunner } from "./sql";


export type DatabaseConfig =
  /** `connectTimeoutMs`: how long a query waits for a connection before failing (default 5 s; never unbounded). */
  | { backend: "postgres"; url: string; poolSize?: number; connectTimeoutMs?: number }
  /**
   * `dataDir: undefined` keeps the database in memory (tests); `template` starts it from a
   * dump (`PGlite.dumpDataDir`) instead of running initdb again.
   */
  | { backend: "pglite"; dataDir?: string; template?: Blob };

export interface Database {
  prisma: Db;
  sql: SqlRunner;
  backend: DatabaseConfig["backend"];
  /** The embedded engine, when that is the backend (tests dump it as a template). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/** Columns that must never leave the data layer unless a query asks for them by name. */
const omitSecrets = {
  user: { passwordHash: true },
  authCode: { codeHash: true },
  apiKey: { keyHash: true, previousKeyHash: true },
} as const;

function createPrisma(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter, omit: omitSecrets });
}

/** The app's Prisma client type: secret columns omitted unless a query opts back in. */
export type Db = ReturnType<typeof createPrisma>;

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in process ${pid}. PGlite allows one process ` +
        `per data directory: stop the other BaatCheet process, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite has no lock of its own and a second process silently loses writes, so we take one.
 * A lock left by a process that no longer exists is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockPath, { force: true });
      // Next's own SIGTERM handler exits before async cleanup can run; "exit" still fires.
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(lockPath, "utf8"));
      if (pid === process.pid) return () => rmSync(lockPath, { force: true });
      if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      rmSync(lockPath, { force: true });
    }
  }
}

export function openDatabase(config: DatabaseConfig): Database {
  if (config.backend === "postgres") {
    const pool = new Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      // While the server is down every query fails fast with a connect error (→ 503) instead of
      // queueing without end; when it is back the next query opens a fresh connection.
      connectionTimeoutMillis: config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    });
    // An idle connection the server drops (a restart, a failover, an admin's terminate) is
    // reported here; unhandled, it would crash the process. The pool replaces it on next use.
    pool.on("error", (error) => log.warn("database connection lost; the pool will reconnect", { error: error.message }));
    const prisma = createPrisma(new PrismaPg(pool));
    const sql = postgresRunner(pool);
    return {
      prisma,
      sql,
      backend: "postgres",
      async close() {
        await prisma.$disconnect();
        await sql.close();
      },
    };
  }

  let unlock = () => {};
  if (config.dataDir) {
    mkdirSync(path.dirname(config.dataDir), { recursive: true });
    unlock = lockDataDir(config.dataDir);
  }
  const pglite = new PGlite({ dataDir: config.dataDir, loadDataDir: config.template, extensions: { pg_trgm } });
  // pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10; the runtime contract
  // is the one Prisma 6.19 uses (covered by every integration test), only the .d.ts lags.
  const prisma = createPrisma(new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory);
  const sql = pgliteRunner(pglite);
  return {
    prisma,
    sql,
    backend: "pglite",
    pglite,
    async close() {
      await prisma.$disconnect();
      await sql.close();
      unlock();
    },
  };
}
