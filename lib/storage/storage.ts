// Where uploaded bytes live. New uploads go to Uploadthing (private files) when
// UPLOADTHING_TOKEN is set, else to local disk under DATA_DIR/uploads. Each row records the
// backend its file went to, and reads and deletes go through that backend: local disk is
// always available, so files stored before a switch to Uploadthing stay readable.
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { StorageBackend } from "@/lib/db/generated/client";
import { processSingleton, replaceProcessSingleton } from "@/lib/process/singleton";
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

interface Storages {
  /** Where new uploads go. */
  current: Storage;
  /** Every backend this process can read; always includes `current`. */
  byBackend: Partial<Record<StorageBackend, Storage>>;
}

function storagesFromEnv(): Storages {
  // A run-time folder, not part of the build: keep Next's file tracing out of it.
  const local = createLocalDiskStorage({ root: path.resolve(/* turbopackIgnore: true */ env.UPLOAD_DIR ?? path.join(env.DATA_DIR, "uploads")) });
  const uploadthing = env.UPLOADTHING_TOKEN ? createUploadthingStorage({ token: env.UPLOADTHING_TOKEN }) : undefined;
  return { current: uploadthing ?? local, byBackend: { local, uploadthing } };
}

const storages = () => processSingleton("storage", storagesFromEnv);

/** The backend new uploads are written to. */
export function storage(): Storage {
  return storages().current;
}

/** The backend a stored file was written to (the row's `storage` column), to read or delete it. */
export function storageFor(backend: StorageBackend): Storage {
  const found = storages().byBackend[backend];
  if (!found) {
    throw new AppError("not_ready", `This file is stored on ${backend}, which is not configured on this server (set UPLOADTHING_TOKEN).`);
  }
  return found;
}

/**
 * Tests choose the backends: `next` takes new uploads, and every backend that was readable
 * before stays readable unless `next` replaces it (as a switch of UPLOADTHING_TOKEN does).
 */
export function setStorage(next: Storage, options: { keepOthers?: boolean } = {}): void {
  const byBackend = options.keepOthers ? { ...storages().byBackend } : {};
  byBackend[next.backend] = next;
  replaceProcessSingleton<Storages>("storage", { current: next, byBackend });
}

/**
 * Stores `input` with the current backend, then runs `record` (the row insert). Any failure of
 * `record` deletes the stored object before rethrowing, so a refused or failed upload never
 * leaves a file on disk that no row points at (and no user's accounting counts).
 */
export async function putThenRecord<T>(
  input: Parameters<Storage["put"]>[0],
  record: (stored: StoredObject) => Promise<T>,
): Promise<T> {
  const backend = storage();
  const stored = await backend.put(input);
  try {
    return await record(stored);
  } catch (error) {
    await backend.delete(stored.key).catch(() => undefined);
    throw error;
  }
}
