import { describe, expect, it } from "vitest";
import { TestClient } from "@/lib/testing/http";
import { POST as register } from "../../auth/register/route";
import { GET as outbox } from "./route";

type OutboxBody = { items: { to: string; subject: string; text: string }[] };

describe("GET /api/v1/dev/outbox (no SMTP configured)", () => {
  it("lists the verification mail for one address, newest first, and only for that address", async () => {
    const client = new TestClient();
    await client.call(register, "/api/v1/auth/register", { body: { email: "outbox-a@example.com", password: "password-a" } });
    await client.call(register, "/api/v1/auth/register", { body: { email: "outbox-b@example.com", password: "password-b" } });
    const result = await client.call<OutboxBody>(outbox, "/api/v1/dev/outbox?to=outbox-a@example.com");
    expect(result.status).toBe(200);
    expect(result.body.items).toHaveLength(1);
    expect(result.body.items[0]).toMatchObject({ to: "outbox-a@example.com", subject: "Verify your BaatCheet email" });
    expect(result.body.items[0]!.text).toMatch(/\b\d{6}\b/);
  });

  it("bounds the page size", async () => {
    const result = await new TestClient().call(outbox, "/api/v1/dev/outbox?limit=1000");
    expect(result.status).toBe(422);
  });
});
