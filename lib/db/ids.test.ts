import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("looks like a cuid and never repeats", () => {
    const ids = Array.from({ length: 10_000 }, newId);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{25}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts by creation time", async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(newId() > first).toBe(true);
  });
});
