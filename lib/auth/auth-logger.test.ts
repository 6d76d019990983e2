import { afterEach, describe, expect, it, vi } from "vitest";
import { Auth } from "@auth/core";
import { authConfig } from "./auth-config";

afterEach(() => {
  vi.restoreAllMocks();
});

function captureOutput() {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
  vi.spyOn(console, "log").mockImplementation(capture);
  return lines;
}

describe("Auth.js logging", () => {
  it("writes one warn line, without a stack, for anonymous requests it refuses", async () => {
    const lines = captureOutput();
    // A sign-out without the CSRF token, and an action Auth.js does not have.
    await Auth(new Request("http://localhost:3000/api/auth/signout", { method: "POST" }), authConfig());
    await Auth(new Request("http://localhost:3000/api/auth/no-such-action"), authConfig());
    const written = lines.join("\n");
    expect(written).not.toMatch(/\n\s+at /);
    const entries = lines.flatMap((line) => line.split("\n")).map((line) => JSON.parse(line) as { level: string; type?: string });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.level === "warn")).toBe(true);
    expect(entries.map((entry) => entry.type)).toContain("MissingCSRF");
  });
});
