// Whose address a request has, under `next start`: the sign-in lockout (5 failures per account
// and address) shows which address the app resolved. The suite's server trusts the loopback
// proxy (the test runner plays it, writing X-Forwarded-For per client); a second server started
// here trusts no proxy, so a client-written X-Forwarded-For must not give it a fresh address.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";

const FAILURES_BEFORE_LOCKOUT = 5;

async function failedSignIn(request: APIRequestContext, baseURL: string, email: string, forwardedFor: string): Promise<number> {
  const response = await request.post(`${baseURL}/api/v1/auth/login`, {
    data: { email, password: "not the password" },
    headers: { "x-forwarded-for": forwardedFor, origin: baseURL },
  });
  return response.status();
}

/** Five failures, each from a different claimed address, then a sixth from yet another. */
async function sixthAttemptFromNewAddress(request: APIRequestContext, baseURL: string, label: string): Promise<number> {
  const email = `${label}-${Date.now()}@example.com`;
  for (let attempt = 1; attempt <= FAILURES_BEFORE_LOCKOUT; attempt += 1) {
    expect(await failedSignIn(request, baseURL, email, `198.51.100.${attempt}`)).toBe(401);
  }
  return failedSignIn(request, baseURL, email, "198.51.100.99");
}

test("behind the trusted proxy, each forwarded address is its own client", async ({ request, baseURL }) => {
  expect(await sixthAttemptFromNewAddress(request, baseURL!, "proxied")).toBe(401);
  // The same address five times is locked out: the addresses really were told apart above.
  const email = `proxied-same-${Date.now()}@example.com`;
  for (let attempt = 1; attempt <= FAILURES_BEFORE_LOCKOUT; attempt += 1) {
    expect(await failedSignIn(request, baseURL!, email, "198.51.100.50")).toBe(401);
  }
  expect(await failedSignIn(request, baseURL!, email, "198.51.100.50")).toBe(429);
});

test.describe("with no trusted proxy", () => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 7;
  const untrustedURL = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    rmSync(".data/e2e-untrusted", { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: ".data/e2e-untrusted", AUTH_URL: untrustedURL, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.TRUST_PROXY;
    server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore", detached: true });
    const deadline = Date.now() + 100_000;
    for (;;) {
      const ready = await fetch(`${untrustedURL}/ready`).then((response) => response.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`a second next start on ${port} did not become ready`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  test.afterAll(() => {
    // Its own process group: `npx` starts next as a child a plain kill would leave behind.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  test("a client-written X-Forwarded-For does not buy more sign-in attempts", async ({ request }) => {
    expect(await sixthAttemptFromNewAddress(request, untrustedURL, "unproxied")).toBe(429);
  });
});
