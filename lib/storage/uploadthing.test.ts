import { describe, expect, it } from "vitest";
import { fakeUploadthing, fakeUploadthingToken as token } from "@/lib/testing/uploadthing";
import { createUploadthingStorage } from "./uploadthing";

describe("Uploadthing storage", () => {
  it("uploads private files, reads them back through short-lived signed URLs, and deletes them", async () => {
    const uploadthing = fakeUploadthing();
    const storage = createUploadthingStorage({ token, fetch: uploadthing.fetch });
    const bytes = new Uint8Array([9, 8, 7, 6, 5]);

    const stored = await storage.put({ owner: "user_1", name: "photo.png", bytes, contentType: "image/png" });
    expect(stored.backend).toBe("uploadthing");
    const upload = uploadthing.requests.find((request) => request.method === "PUT")!;
    expect(upload.url.searchParams.get("x-ut-acl")).toBe("private");
    expect(upload.url.searchParams.get("signature")).toMatch(/^hmac-sha256=/);
    expect(uploadthing.files.get(stored.key)).toEqual(bytes);

    expect(await storage.get(stored.key)).toEqual(bytes);
    const read = uploadthing.requests.at(-1)!;
    expect(read.url.searchParams.get("signature")).toMatch(/^hmac-sha256=/);
    const expiresInMs = Number(read.url.searchParams.get("expires")) - Date.now();
    expect(expiresInMs).toBeGreaterThan(0);
    expect(expiresInMs).toBeLessThanOrEqual(60_000);

    await storage.delete(stored.key);
    expect(uploadthing.files.size).toBe(0);
    expect(await storage.get(stored.key)).toBeNull();
  });
});
