// A failed row write after the file was stored must not leave the file behind: the insert is
// made to fail for real (the owner does not exist, so the foreign key refuses it).
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uploadAudio } from "@/lib/media/audio/service";
import { uploadImage } from "@/lib/media/images/service";
import { jpegWithExif, silentWav, useTemporaryStorage } from "@/lib/testing/media";

let storageRoot: { root: string; cleanup(): Promise<void> };

beforeAll(async () => {
  storageRoot = await useTemporaryStorage();
});

afterAll(async () => {
  await storageRoot.cleanup();
});

async function storedFiles(): Promise<string[]> {
  return (await readdir(storageRoot.root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("an upload whose row cannot be written", () => {
  it("removes the stored image and leaves no row", async () => {
    const bytes = new Uint8Array(await jpegWithExif());
    await expect(uploadImage({ userId: "no-such-user", file: { name: "a.jpg", bytes, fields: {} } })).rejects.toThrow();
    expect(await storedFiles()).toEqual([]);
    expect(await db().image.count()).toBe(0);
  });

  it("removes the stored audio and leaves no row", async () => {
    const bytes = new Uint8Array(silentWav(1));
    await expect(uploadAudio({ userId: "no-such-user", file: { name: "a.wav", bytes, fields: {} } })).rejects.toThrow();
    expect(await storedFiles()).toEqual([]);
    expect(await db().audio.count()).toBe(0);
  });
});
