import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./origin";

const request = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/v1/images/upload", { method, headers });
const refused = (req: Request, appOrigin?: string) => {
  try {
    assertSameOrigin(req, appOrigin);
    return false;
  } catch {
    return true;
  }
};

describe("assertSameOrigin", () => {
  it("allows our own pages and clients that are not browsers", () => {
    expect(refused(request("POST", { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }))).toBe(false);
    expect(refused(request("POST", { origin: "http://localhost:3000" }))).toBe(false);
    expect(refused(request("POST", {}))).toBe(false);
    expect(refused(request("DELETE", { "sec-fetch-site": "none" }))).toBe(false);
  });

  it("refuses state changes a browser says came from elsewhere, by Fetch Metadata or by Origin", () => {
    expect(refused(request("POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(true);
    expect(refused(request("POST", { "sec-fetch-site": "same-site", origin: "http://other.localhost:3000" }))).toBe(true);
    expect(refused(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(refused(request("PATCH", { origin: "null" }))).toBe(true);
  });

  it("lets any site read (safe methods change nothing)", () => {
    expect(refused(request("GET", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(false);
  });

  it("compares against the public origin behind a proxy", () => {
    const proxied = request("POST", { origin: "https://chat.example.org" });
    expect(refused(proxied, "https://chat.example.org")).toBe(false);
    expect(refused(proxied)).toBe(true);
  });
});
