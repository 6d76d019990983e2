// Liveness, readiness and health: what an orchestrator and an operator need to know.
import "server-only";
import { connect } from "node:net";
import packageJson from "@/package.json";
import { database, ensureMigrated, isMigrated } from "@/lib/db";
import { env } from "@/lib/env";
import { isShuttingDown } from "@/lib/process/shutdown";

const startedAt = Date.now();

export type CheckStatus = "ok" | "error";

export interface BackendCheck {
  status: CheckStatus;
  latencyMs: number;
  backend: string;
  error?: string;
}

async function timed(backend: string, probe: () => Promise<void>): Promise<BackendCheck> {
  const start = performance.now();
  try {
    await probe();
    return { status: "ok", backend, latencyMs: Math.round((performance.now() - start) * 100) / 100 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "error", backend, latencyMs: Math.round(performance.now() - start), error: message };
  }
}

/** RESP PING over a plain socket: enough to tell whether the configured Redis answers. */
function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error("timed out")));
    socket.once("error", fail);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.end();
      const reply = data.toString();
      if (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")) resolve();
      else reject(new Error(`unexpected reply ${JSON.stringify(reply.slice(0, 40))}`));
    });
  });
}

async function pingUpstash(url: string, token: string): Promise<void> {
  const response = await fetch(`${url}/ping`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(2000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

export async function checkDatabase(): Promise<BackendCheck> {
  const db = database();
  return timed(db.backend, async () => {
    await db.sql.query("SELECT 1");
  });
}

export async function getHealth(options: { detailed: boolean }) {
  const base = {
    status: "ok" as CheckStatus,
    version: packageJson.version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  };
  if (!options.detailed) return base;

  const checks: Record<string, BackendCheck> = { database: await checkDatabase() };
  if (env.REDIS_URL) checks.redis = await timed("redis", () => pingRedis(env.REDIS_URL!));
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    checks.upstash = await timed("upstash", () => pingUpstash(env.UPSTASH_REDIS_REST_URL!, env.UPSTASH_REDIS_REST_TOKEN!));
  }
  const healthy = Object.values(checks).every((check) => check.status === "ok");
  return { ...base, status: (healthy ? "ok" : "error") as CheckStatus, checks };
}

/** Ready once the database answers and every migration is applied. */
export async function getReadiness() {
  // Start (or retry) migrations without holding the probe: it answers 503 until they finish.
  ensureMigrated().catch(() => undefined);
  const databaseCheck = isMigrated() ? await checkDatabase() : undefined;
  const shuttingDown = isShuttingDown();
  const ready = !shuttingDown && isMigrated() && databaseCheck?.status === "ok";
  return { ready, migrations: isMigrated() ? "applied" : "pending", database: databaseCheck?.status ?? "unknown", shuttingDown };
}
