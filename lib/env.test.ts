import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("reads a pool size, and refuses one that is not a positive whole number", () => {
    expect(parseEnv({ DATABASE_POOL_SIZE: "40" }).DATABASE_POOL_SIZE).toBe(40);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("treats an empty string as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });
});
