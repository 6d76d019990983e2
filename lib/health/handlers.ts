// The health endpoints, mounted both at the root (/health, /ready, /live) and under /api/v1/health.
// They answer before migrations finish and are never rate limited: orchestrators and load
// balancers poll them.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { getHealth, getReadiness } from "./service";

const healthQuery = z.object({
  detailed: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .describe("`true` adds the database and each configured backend with latency"),
});

const backendCheck = z.object({
  status: z.enum(["ok", "error"]),
  latencyMs: z.number(),
  backend: z.string(),
  error: z.string().optional(),
});

const health = z.object({
  status: z.enum(["ok", "error"]),
  version: z.string(),
  uptimeSeconds: z.int(),
  checks: z.record(z.string(), backendCheck).optional().describe("With `?detailed=true`"),
});

const readiness = z.object({
  ready: z.boolean(),
  migrations: z.enum(["applied", "pending"]),
  database: z.enum(["ok", "error", "unknown"]),
  shuttingDown: z.boolean().describe("SIGTERM received: finishing running replies and jobs, taking no new work"),
});

const probe = { auth: "public", waitForDatabase: false, limit: "exempt", tag: "health" } as const;
const noStore = { "Cache-Control": "no-store" };

export const healthHandler = route(
  {
    ...probe,
    summary: "Status, version, uptime; ?detailed=true adds the database and each configured backend with latency",
    query: healthQuery,
    response: [
      { status: 200, schema: health },
      { status: 503, schema: health, description: "A backend is down" },
    ],
  },
  async ({ query }) => {
    const result = await getHealth(query);
    return Response.json(result, { status: result.status === "ok" ? 200 : 503, headers: noStore });
  },
);

export const readyHandler = route(
  {
    ...probe,
    summary: "503 until the database answers and migrations are applied, and again once the server is shutting down",
    response: [
      { status: 200, schema: readiness },
      { status: 503, schema: readiness, description: "Not ready yet" },
    ],
  },
  async () => {
    const result = await getReadiness();
    return Response.json(result, { status: result.ready ? 200 : 503, headers: noStore });
  },
);

export const liveHandler = route(
  { ...probe, summary: "The process is up", response: { status: 200, schema: z.object({ status: z.literal("ok") }) } },
  async () => Response.json({ status: "ok" }, { headers: noStore }),
);
