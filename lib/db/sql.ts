// The raw SQL seam under Prisma, the same on PGlite and PostgreSQL. The migrator and the health
// check need it (multi-statement migration files need each driver's simple-query path); the
// chat turn's hot path (`*-store.ts`) uses it because it is measurably faster than the ORM.
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";

// Prisma stores DateTime in TIMESTAMP(3) columns without a zone, in UTC. SQL run on the driver
// must do the same: an ISO string as the parameter (a Date would be sent in the server's local
// time), and a zone-less text value (e.g. from json_agg) read back as UTC.
export const toSqlTimestamp = (date: Date): string => date.toISOString();
export const fromSqlTimestamp = (text: string): Date =>
  new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);

export interface SqlRunner {
  readonly backend: "pglite" | "postgres";
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` on one connection inside BEGIN/COMMIT, rolling back on error. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  const runner: SqlRunner = {
    backend: "pglite",
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<Row>(sql, params);
      return result.rows;
    },
    async transaction(work) {
      return pglite.transaction(async (tx) =>
        work({
          ...runner,
          async exec(sql) {
            await tx.exec(sql);
          },
          async query<Row>(sql: string, params: unknown[] = []) {
            return (await tx.query<Row>(sql, params)).rows;
          },
        }),
      );
    },
    async close() {
      await pglite.close();
    },
  };
  return runner;
}

export function postgresRunner(pool: Pool): SqlRunner {
  return {
    backend: "postgres",
    async exec(sql) {
      await pool.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      const tx: SqlRunner = {
        backend: "postgres",
        async exec(sql) {
          await client.query(sql);
        },
        async query<Row>(sql: string, params: unknown[] = []) {
          return (await client.query(sql, params)).rows as Row[];
        },
        transaction: (inner) => inner(tx),
        close: async () => undefined,
      };
      try {
        await client.query("BEGIN");
        const result = await work(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
