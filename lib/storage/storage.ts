// Where uploaded bytes live. Local disk under DATA_DIR/uploads by default; Uploadthing (private
// files) when UPLOADTHING_TOKEN is set. Rows in the database keep the backend and the key, so
// files stored before a switch stay readable as long as both backends are configured.
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import type { StorageBackend } from "@/lib/db/generated/client";
import { createLocalDiskStorage } from "./local-disk";
import { createUploadthingStorage } from "./uploadthing";

export interface StoredObject {
  backend: StorageBackend;
  /** Opaque to callers; what `get` and `delete` take back. */
  key: string;
}

export interface Storage {
  readonly backend: StorageBackend;
  /** Keys combine the owner's id with a random id, so they are unguessable and owners stay apart. */
  put(input: { owner: string; name: string; bytes: Uint8Array; contentType: string }): Promise<StoredObject>;
  /** The bytes, or null when the object is gone. */
  get(key: string): Promise<Uint8Array | null>;
  /** Idempotent: deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
}

const globalForStorage = globalThis as typeof globalThis & { __baatcheetStorage?: Storage };

export function storage(): Storage {
  globalForStorage.__baatcheetStorage ??= env.UPLOADTHING_TOKEN
    ? createUploadthingStorage({ token: env.UPLOADTHING_TOKEN })
    : // A run-time folder, not part of the build: keep Next's file tracing out of it.
      createLocalDiskStorage({ root: path.resolve(/* turbopackIgnore: true */ env.UPLOAD_DIR ?? path.join(env.DATA_DIR, "uploads")) });
  return globalForStorage.__baatcheetStorage;
}

/** Tests keep uploads in a temporary directory. */
export function setStorage(next: Storage): void {
  globalForStorage.__baatcheetStorage = next;
}
