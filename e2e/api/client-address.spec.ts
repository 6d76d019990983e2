// Whose address a request has, under `next start`: the sign-in lockout (5 failures per account
// and address) shows which address the app resolved. The suite's server trusts the loopback
// proxy (the test runner plays it, writing X-Forwarded-For per client); a second server started
// here trusts no proxy, so a client-written X-Forwarded-For must not give it a fresh address.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startExtraServer, type ExtraServer } from "../fixtures/extra-server";

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
  let server: ExtraServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The runner's environment has no TRUST_PROXY: only the suite's server is given one.
    server = await startExtraServer({ portOffset: 7, dataDir: ".data/e2e-untrusted" });
  });
  test.afterAll(() => server?.dispose());

  test("a client-written X-Forwarded-For does not buy more sign-in attempts", async ({ request }) => {
    expect(await sixthAttemptFromNewAddress(request, server!.url, "unproxied")).toBe(429);
  });
});
