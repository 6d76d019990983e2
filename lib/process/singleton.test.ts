import { describe, expect, it, vi } from "vitest";
import { processSingleton, replaceProcessSingleton } from "./singleton";

describe("processSingleton", () => {
  it("makes the value once and hands the same instance to every caller", () => {
    const init = vi.fn(() => new Map<string, number>());
    const first = processSingleton("test.once", init);
    const second = processSingleton("test.once", init);
    expect(second).toBe(first);
    expect(init).toHaveBeenCalledTimes(1);
  });

  it("is shared by separately loaded copies of the module, as route bundles load it", async () => {
    const value = processSingleton("test.shared", () => ({ hits: 0 }));
    vi.resetModules();
    const copy = await import("./singleton");
    expect(copy.processSingleton).not.toBe(processSingleton);
    expect(copy.processSingleton("test.shared", () => ({ hits: 1 }))).toBe(value);
  });

  it("lets a test replace the value", () => {
    processSingleton("test.replace", () => "original");
    replaceProcessSingleton("test.replace", "replaced");
    expect(processSingleton("test.replace", () => "unused")).toBe("replaced");
  });
});
