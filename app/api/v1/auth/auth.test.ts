// Integration: the auth routes against a real database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { latestMailedCode, TestClient } from "@/lib/testing/http";
import { POST as login } from "./login/route";
import { POST as requestLoginCode } from "./login/code/route";
import { POST as logout } from "./logout/route";
import { GET as me } from "./me/route";
import { POST as changePassword } from "./password/change/route";
import { POST as forgotPassword } from "./password/forgot/route";
import { POST as resetPassword } from "./password/reset/route";
import { POST as register } from "./register/route";
import { POST as verifyEmail } from "./verify-email/route";
import { POST as resendVerification } from "./verify-email/resend/route";

type ErrorBody = { error: { code: string; message: string; retry_after?: number } };
type UserBody = { user: { id: string; email: string; role: string; tier: string; emailVerified: boolean } };

let counter = 0;
function uniqueEmail() {
  counter += 1;
  return `person${counter}-${Date.now()}@example.com`;
}

async function registerVerified(client: TestClient, password = "correct horse battery") {
  const email = uniqueEmail();
  expect((await client.call(register, "/api/v1/auth/register", { body: { email, password } })).status).toBe(201);
  const code = await latestMailedCode(email);
  expect((await client.call(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code } })).status).toBe(200);
  return { email, password };
}

async function signedIn(password = "correct horse battery") {
  const client = new TestClient();
  const account = await registerVerified(client, password);
  const result = await client.call<UserBody>(login, "/api/v1/auth/login", { body: account });
  expect(result.status).toBe(200);
  return { client, userId: result.body.user.id, ...account };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("register", () => {
  it("makes the first account admin and later ones users, on the free tier", async () => {
    const client = new TestClient();
    const first = await client.call<UserBody>(register, "/api/v1/auth/register", {
      body: { email: uniqueEmail(), password: "password-one" },
    });
    const second = await client.call<UserBody>(register, "/api/v1/auth/register", {
      body: { email: uniqueEmail(), password: "password-two", name: "Second" },
    });
    expect(first.status).toBe(201);
    expect(first.body.user).toMatchObject({ role: "admin", tier: "free", emailVerified: false });
    expect(second.body.user.role).toBe("user");
    expect(JSON.stringify(first.body)).not.toContain("password");
  });

  it("normalises the email so one address is one account", async () => {
    const client = new TestClient();
    const email = uniqueEmail();
    await client.call(register, "/api/v1/auth/register", { body: { email, password: "password-one" } });
    const again = await client.call<ErrorBody>(register, "/api/v1/auth/register", {
      body: { email: `  ${email.toUpperCase()} `, password: "password-one" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
  });

  it.each([
    ["a malformed email", { email: "not-an-email", password: "long enough" }, "email"],
    ["a short password", { email: "short@example.com", password: "short" }, "at least 8 characters"],
    ["a missing password", { email: "missing@example.com" }, "password"],
  ])("refuses %s with 422 and says which field", async (_case, body, hint) => {
    const result = await new TestClient().call<ErrorBody>(register, "/api/v1/auth/register", { body });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("validation_failed");
    expect(result.body.error.message.toLowerCase()).toContain(hint);
  });

  it("refuses malformed JSON with 400 invalid_json and a request id", async () => {
    const result = await new TestClient().call<ErrorBody>(register, "/api/v1/auth/register", { rawBody: "{email:" });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_json");
    expect(result.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("verify email", () => {
  it("accepts the mailed code once; a reused code is code_used, a wrong one invalid_code", async () => {
    const client = new TestClient();
    const email = uniqueEmail();
    await client.call(register, "/api/v1/auth/register", { body: { email, password: "password-one" } });
    const code = await latestMailedCode(email);
    const wrong = code === "000000" ? "111111" : "000000";

    const bad = await client.call<ErrorBody>(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code: wrong } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_code");

    const ok = await client.call<UserBody>(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.emailVerified).toBe(true);
    // The code proved the mailbox: the person is signed in without typing the password again.
    const session = await client.call<UserBody>(me, "/api/v1/auth/me");
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(email);

    const reused = await client.call<ErrorBody>(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code } });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe("code_used");
  });

  it("refuses an expired code with code_expired", async () => {
    const client = new TestClient();
    const email = uniqueEmail();
    await client.call(register, "/api/v1/auth/register", { body: { email, password: "password-one" } });
    const code = await latestMailedCode(email);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    const result = await client.call<ErrorBody>(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("code_expired");
  });

  it("burns a code after five wrong guesses", async () => {
    const client = new TestClient();
    const email = uniqueEmail();
    await client.call(register, "/api/v1/auth/register", { body: { email, password: "password-one" } });
    const code = await latestMailedCode(email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await client.call(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code: wrong } });
    }
    const result = await client.call<ErrorBody>(verifyEmail, "/api/v1/auth/verify-email", { body: { email, code } });
    expect(result.body.error.code).toBe("invalid_code");
    expect(result.body.error.message).toContain("Request a new one");
  });

  it("answers an unknown email with invalid_code, and resend the same for known and unknown", async () => {
    const client = new TestClient();
    const unknown = await client.call<ErrorBody>(verifyEmail, "/api/v1/auth/verify-email", {
      body: { email: "nobody@example.com", code: "123456" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("invalid_code");
    const resendUnknown = await client.call(resendVerification, "/api/v1/auth/verify-email/resend", {
      body: { email: "nobody@example.com" },
    });
    expect(resendUnknown.status).toBe(202);
  });
});

describe("sign in", () => {
  it("sets a session cookie that /me accepts; without it /me is 401", async () => {
    const { client, email } = await signedIn();
    const mine = await client.call<UserBody>(me, "/api/v1/auth/me");
    expect(mine.status).toBe(200);
    expect(mine.body.user.email).toBe(email);

    const anonymous = await new TestClient().call<ErrorBody>(me, "/api/v1/auth/me");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");
  });

  it("refuses a forged session cookie", async () => {
    const client = new TestClient();
    client.cookies.set("authjs.session-token", "forged.jwt.value");
    expect((await client.call(me, "/api/v1/auth/me")).status).toBe(401);
  });

  it("refuses an unverified account only after a correct password", async () => {
    const client = new TestClient();
    const email = uniqueEmail();
    await client.call(register, "/api/v1/auth/register", { body: { email, password: "password-one" } });
    const wrong = await client.call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, password: "wrong-password" } });
    expect(wrong.body.error.code).toBe("invalid_credentials");
    const right = await client.call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, password: "password-one" } });
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe("email_not_verified");
    expect(client.cookies.size).toBe(0);
  });

  it("answers a wrong password and an unknown user the same way", async () => {
    const client = new TestClient();
    const { email } = await registerVerified(client);
    const wrong = await client.call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, password: "not the password" } });
    const unknown = await client.call<ErrorBody>(login, "/api/v1/auth/login", {
      body: { email: "ghost@example.com", password: "not the password" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it("locks an account+IP out after 5 failures in 15 minutes with 429 and retry_after", async () => {
    const attacker = new TestClient("198.51.100.7");
    const { email, password } = await registerVerified(attacker);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await attacker.call(login, "/api/v1/auth/login", { body: { email, password: "guess-number-x" } });
      expect(result.status).toBe(401);
    }
    const locked = await attacker.call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, password } });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("rate_limited");
    expect(locked.body.error.retry_after).toBeGreaterThan(14 * 60);
    expect(locked.headers.get("retry-after")).toBe(String(locked.body.error.retry_after));

    // Another IP is not locked out of the same account.
    const owner = new TestClient("192.0.2.44");
    expect((await owner.call(login, "/api/v1/auth/login", { body: { email, password } })).status).toBe(200);

    // After the window the attacker's IP may try again.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 15 * 60_000 + 1000);
    expect((await attacker.call(login, "/api/v1/auth/login", { body: { email, password } })).status).toBe(200);
  });

  it("slows guesses per account whatever the address: past 10 failures each attempt waits twice as long", async () => {
    const { email, password } = await registerVerified(new TestClient("198.51.100.20"));
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const rotating = new TestClient(`198.51.100.${100 + attempt}`);
      expect((await rotating.call(login, "/api/v1/auth/login", { body: { email, password: "guess-number-x" } })).status).toBe(401);
    }
    // A new address, even with the right password, waits a second after the 10th failure.
    const fresh = new TestClient("198.51.100.200");
    const slowed = await fresh.call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, password: "guess-number-y" } });
    expect(slowed.status).toBe(429);
    expect(slowed.body.error.retry_after).toBe(1);

    vi.setSystemTime(start + 1_100);
    expect((await fresh.call(login, "/api/v1/auth/login", { body: { email, password: "guess-number-y" } })).status).toBe(401);
    const longer = await new TestClient("198.51.100.201").call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, password } });
    expect(longer.status).toBe(429);
    expect(longer.body.error.retry_after).toBe(2);

    vi.setSystemTime(start + 3_300);
    expect((await new TestClient("198.51.100.202").call(login, "/api/v1/auth/login", { body: { email, password } })).status).toBe(200);
  });

  it("signs in with an emailed one-time code, which works once", async () => {
    const client = new TestClient();
    const { email } = await registerVerified(client);
    expect((await client.call(requestLoginCode, "/api/v1/auth/login/code", { body: { email } })).status).toBe(202);
    const code = await latestMailedCode(email);
    const first = await client.call<UserBody>(login, "/api/v1/auth/login", { body: { email, code } });
    expect(first.status).toBe(200);
    expect((await client.call(me, "/api/v1/auth/me")).status).toBe(200);
    const again = await new TestClient().call<ErrorBody>(login, "/api/v1/auth/login", { body: { email, code } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("code_used");
  });

  it("signs out: the cookie is cleared and /me is 401", async () => {
    const { client } = await signedIn();
    expect([...client.cookies.keys()].some((name) => name.includes("session-token"))).toBe(true);
    expect((await client.call(logout, "/api/v1/auth/logout", { method: "POST" })).status).toBe(200);
    expect([...client.cookies.keys()].some((name) => name.includes("session-token"))).toBe(false);
    expect((await client.call(me, "/api/v1/auth/me")).status).toBe(401);
  });

  it("ends the session on the server: a copy of the cookie taken before sign-out stops working", async () => {
    const { client } = await signedIn();
    const copy = new TestClient("192.0.2.99");
    for (const [name, value] of client.cookies) copy.cookies.set(name, value);
    expect((await copy.call(me, "/api/v1/auth/me")).status).toBe(200);
    expect((await client.call(logout, "/api/v1/auth/logout", { method: "POST" })).status).toBe(200);
    expect((await copy.call(me, "/api/v1/auth/me")).status).toBe(401);
  });

  it("signing out everywhere ends every session of the account, and only that account's", async () => {
    const first = await signedIn();
    const second = new TestClient("192.0.2.98");
    expect((await second.call(login, "/api/v1/auth/login", { body: { email: first.email, password: first.password } })).status).toBe(200);
    const other = await signedIn();
    const everywhere = await first.client.call(logout, "/api/v1/auth/logout", { body: { everywhere: true } });
    expect(everywhere.status).toBe(200);
    expect(await db().authSession.count({ where: { userId: first.userId, revokedAt: null } })).toBe(0);
    expect((await first.client.call(me, "/api/v1/auth/me")).status).toBe(401);
    expect((await second.call(me, "/api/v1/auth/me")).status).toBe(401);
    expect((await other.client.call(me, "/api/v1/auth/me")).status).toBe(200);
  });
});

describe("passwords", () => {
  it("resets with the mailed code and revokes existing sessions", async () => {
    const { client, email, password } = await signedIn();
    // Resolved once before the reset, so a remembered session must be dropped by it.
    expect((await client.call(me, "/api/v1/auth/me")).status).toBe(200);
    const stranger = new TestClient();
    expect((await stranger.call(forgotPassword, "/api/v1/auth/password/forgot", { body: { email } })).status).toBe(202);
    const code = await latestMailedCode(email);

    const short = await stranger.call<ErrorBody>(resetPassword, "/api/v1/auth/password/reset", {
      body: { email, code, password: "short" },
    });
    expect(short.status).toBe(422);

    const reset = await stranger.call(resetPassword, "/api/v1/auth/password/reset", {
      body: { email, code, password: "a brand new password" },
    });
    expect(reset.status).toBe(200);
    expect((await client.call(me, "/api/v1/auth/me")).status).toBe(401);
    expect((await stranger.call(login, "/api/v1/auth/login", { body: { email, password } })).status).toBe(401);
    expect(
      (await stranger.call(login, "/api/v1/auth/login", { body: { email, password: "a brand new password" } })).status,
    ).toBe(200);
  });

  it("changes the password: keeps this session, ends the others", async () => {
    const { client, email, password } = await signedIn();
    const otherDevice = new TestClient();
    await otherDevice.call(login, "/api/v1/auth/login", { body: { email, password } });
    expect((await otherDevice.call(me, "/api/v1/auth/me")).status).toBe(200);

    const wrong = await client.call<ErrorBody>(changePassword, "/api/v1/auth/password/change", {
      body: { currentPassword: "not it at all", newPassword: "another password" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("invalid_credentials");

    const changed = await client.call(changePassword, "/api/v1/auth/password/change", {
      body: { currentPassword: password, newPassword: "another password" },
    });
    expect(changed.status).toBe(200);
    expect((await client.call(me, "/api/v1/auth/me")).status).toBe(200);
    expect((await otherDevice.call(me, "/api/v1/auth/me")).status).toBe(401);
  });

  it("needs a session to change the password", async () => {
    const result = await new TestClient().call<ErrorBody>(changePassword, "/api/v1/auth/password/change", {
      body: { currentPassword: "whatever1", newPassword: "whatever2" },
    });
    expect(result.status).toBe(401);
  });
});
