// Integration: health, readiness and liveness on the real test database.
import { describe, expect, it } from "vitest";
import packageJson from "@/package.json";
import { GET as apiHealth } from "@/app/api/v1/health/route";
import { GET as live } from "@/app/live/route";
import { GET as ready } from "@/app/ready/route";
import { GET as health } from "./route";

const get = (handler: (req: Request) => Promise<Response>, path: string) => handler(new Request(`http://localhost${path}`));

describe("health endpoints", () => {
  it("GET /health reports status, version and uptime", async () => {
    const response = await get(health, "/health");
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: "ok", version: packageJson.version });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.checks).toBeUndefined();
  });

  it("GET /health?detailed=true checks the database with its latency", async () => {
    const response = await get(apiHealth, "/api/v1/health?detailed=true");
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.checks.database.status).toBe("ok");
    expect(["pglite", "postgres"]).toContain(body.checks.database.backend);
    expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("refuses a malformed detailed flag", async () => {
    expect((await get(health, "/health?detailed=yes")).status).toBe(422);
  });

  it("GET /ready is 200 once migrations are applied; GET /live is always 200", async () => {
    const readiness = await get(ready, "/ready");
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toMatchObject({ ready: true, migrations: "applied", database: "ok" });
    expect((await get(live, "/live")).status).toBe(200);
  });
});
