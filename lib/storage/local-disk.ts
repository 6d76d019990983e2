// Uploads on local disk: one file per object under `root`, written atomically (temp file +
// rename) so a crash never leaves a half-written upload under its final name.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Storage } from "./storage";

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_.-]{1,128}$/;

export function createLocalDiskStorage({ root }: { root: string }): Storage {
  /** Keys are ours, but a key read from the database is still checked before it becomes a path. */
  function pathOf(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${key}`);
    return path.join(root, key);
  }

  return {
    backend: "local",

    async put({ owner, bytes }) {
      const key = `${owner}/${randomUUID()}`;
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, target);
      return { backend: "local", key };
    },

    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
