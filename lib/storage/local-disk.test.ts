import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalDiskStorage } from "./local-disk";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baatcheet-storage-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("local disk storage", () => {
  it("stores, reads back and deletes an object under the owner's folder, readable by us only", async () => {
    const storage = createLocalDiskStorage({ root });
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const stored = await storage.put({ owner: "user_1", name: "../../etc/passwd", bytes, contentType: "image/png" });
    expect(stored.backend).toBe("local");
    expect(stored.key).toMatch(/^user_1\/[0-9a-f-]{36}$/);
    expect(await storage.get(stored.key)).toEqual(bytes);
    expect((await stat(path.join(root, stored.key))).mode & 0o777).toBe(0o600);
    expect(await readdir(path.join(root, "user_1"))).toHaveLength(1);

    await storage.delete(stored.key);
    expect(await storage.get(stored.key)).toBeNull();
    await expect(storage.delete(stored.key)).resolves.toBeUndefined();
  });

  it("refuses keys that could leave the root", async () => {
    const storage = createLocalDiskStorage({ root });
    await expect(storage.get("../outside/file")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get("user_1/../../x")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.delete("/etc/passwd")).rejects.toThrow(/Invalid storage key/);
  });
});
