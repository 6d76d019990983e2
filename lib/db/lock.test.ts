import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./client";

const freshDataDir = () => path.join(mkdtempSync(path.join(tmpdir(), "bc-lock-")), "pglite");

describe("PGlite data directory lock", () => {
  it("takes the lock and releases it", () => {
    const dataDir = freshDataDir();
    const unlock = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    unlock();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses a second process with a message that says what to do", () => {
    const dataDir = freshDataDir();
    // PID 1 is always alive: the lock belongs to another running process.
    writeFileSync(`${dataDir}.lock`, "1");
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir)).toThrow(/DATABASE_URL/);
  });

  it("takes over a lock left by a process that is gone", () => {
    const dataDir = freshDataDir();
    writeFileSync(`${dataDir}.lock`, "2147483646");
    const unlock = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    unlock();
  });
});
