// Integration: provider key health for admins, and re-enabling a key a 401 marked dead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseUiStream, signedInClient, startStubProviders, type StubProviders } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { POST as chat } from "../../chat/route";
import { POST as enable } from "./[keyId]/enable/route";
import { GET as health } from "./route";

type Health = { items: { id: string; keys: { id: string; maskedKey: string; state: { kind: string } }[] }[] };

let stubs: StubProviders;
let admin: TestClient;
let user: TestClient;

beforeAll(async () => {
  stubs = await startStubProviders();
  const first = await signedInClient();
  const second = await signedInClient("198.51.100.20");
  await db().user.update({ where: { id: first.userId }, data: { role: "admin" } });
  await db().user.update({ where: { id: second.userId }, data: { role: "user" } });
  [admin, user] = [first.client, second.client];
});
afterAll(() => stubs.close());

describe("provider key health", () => {
  it("marks a key that answers 401 dead, shows it masked, and lets an admin re-enable it", async () => {
    stubs.primary.script([{ kind: "status", status: 401, match: { key: "groq-key-1" } }]);
    stubs.primary.script([{ kind: "status", status: 401, match: { key: "groq-key-2" } }]);
    const reply = parseUiStream((await user.call<string>(chat, "/api/v1/chat", { body: { action: "send", message: "hi" } })).body);
    expect(reply.text).toBe("Echo: hi");

    const report = await admin.call<Health>(health, "/api/v1/health/providers");
    expect(report.status).toBe(200);
    const groq = report.body.items.find((provider) => provider.id === "groq")!;
    expect(groq.keys.map((key) => key.state.kind)).toEqual(["dead", "dead"]);
    expect(JSON.stringify(report.body)).not.toContain("groq-key-1");

    const enabled = await admin.call<{ key: { state: { kind: string } } }>(enable, "/x", { params: { keyId: "groq#1" }, body: {} });
    expect(enabled.status).toBe(200);
    expect(enabled.body.key.state.kind).toBe("healthy");
  });

  it("is for admins only", async () => {
    expect((await user.call(health, "/api/v1/health/providers")).status).toBe(403);
    expect((await user.call(enable, "/x", { params: { keyId: "groq#1" }, body: {} })).status).toBe(403);
  });

  it("answers 404 for an unknown key id", async () => {
    expect((await admin.call(enable, "/x", { params: { keyId: "groq#99" }, body: {} })).status).toBe(404);
    expect((await admin.call(enable, "/x", { params: { keyId: "drop table" }, body: {} })).status).toBe(404);
  });
});
