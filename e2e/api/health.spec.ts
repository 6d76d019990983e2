import { expect, test } from "@playwright/test";

test("health, readiness and liveness answer on the built app", async ({ request }) => {
  const health = await request.get("/health?detailed=true");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.status).toBe("ok");
  expect(body.checks.database.status).toBe("ok");
  expect((await request.get("/ready")).status()).toBe(200);
  expect((await request.get("/live")).status()).toBe(200);
  expect((await request.get("/api/v1/health")).status()).toBe(200);
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("API errors are JSON with a stable code", async ({ request }) => {
  const unknown = await request.get("/api/v1/no-such-endpoint");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");

  const anonymous = await request.get("/api/v1/auth/me");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");

  const malformed = await request.post("/api/v1/auth/register", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_json");
});

test("a path that does not decode gets the JSON error, not the framework's bare text", async ({ baseURL }) => {
  // Through the whole server: Next's router fails on these before any route handler runs.
  for (const path of ["/api/v1/conversations/%E0%A4%A", "/api/v1/conversations/%ZZ", "/api/v1/projects/%C0"]) {
    const response = await fetch(`${baseURL}${path}`);
    expect(response.status, path).toBe(400);
    expect(response.headers.get("content-type"), path).toContain("application/json");
    expect((await response.json()).error.code, path).toBe("invalid_path");
  }
  const page = await fetch(`${baseURL}/chat/%ZZ`);
  expect(page.status).toBe(400);
  // A NUL decodes, so it reaches the route, which asks an anonymous caller to sign in first.
  const nul = await fetch(`${baseURL}/api/v1/conversations/%00`);
  expect(nul.status).toBe(401);
  expect((await nul.json()).error.code).toBe("unauthorized");
});

test("the app installs on a phone: a manifest with icons that load", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = await manifest.json();
  expect(body.name).toBe("BaatCheet");
  expect(body.display).toBe("standalone");
  for (const icon of body.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toContain(icon.type);
  }
  const page = await (await request.get("/login")).text();
  expect(page).toContain('rel="manifest"');
  expect(page).toContain('rel="icon"');
  expect(page).toContain('rel="apple-touch-icon"');
});
