// The health endpoints, mounted both at the root (/health, /ready, /live) and under /api/v1/health.
import { z } from "zod";
import { parseQuery, route } from "@/lib/http/route";
import { getHealth, getReadiness } from "./service";

const healthQuery = z.object({
  detailed: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});

const probe = { auth: "public", waitForDatabase: false } as const;
const noStore = { "Cache-Control": "no-store" };

export const healthHandler = route(probe, async ({ req }) => {
  const { detailed } = parseQuery(req, healthQuery);
  const health = await getHealth({ detailed });
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: noStore });
});

export const readyHandler = route(probe, async () => {
  const readiness = await getReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: noStore });
});

export const liveHandler = route(probe, async () => Response.json({ status: "ok" }, { headers: noStore }));
