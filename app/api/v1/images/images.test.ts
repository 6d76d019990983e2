import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { signedInClient } from "@/lib/testing/chat";
import { jpegWithExif, pngClaimingSize, renderTextPng, uploadAs, useTemporaryStorage, windowsExecutable } from "@/lib/testing/media";
import { TestClient } from "@/lib/testing/http";
import { fakeUploadthing, fakeUploadthingToken } from "@/lib/testing/uploadthing";
import { setStorage, storageFor } from "@/lib/storage/storage";
import { createUploadthingStorage } from "@/lib/storage/uploadthing";
import { DELETE as remove, GET as get } from "./[id]/route";
import { GET as getFile } from "./[id]/file/route";
import { POST as upload } from "./upload/route";

type ImageBody = { image: { id: string; mime: string; width: number; height: number; bytes: number; url: string } };
type ErrorBody = { error: { code: string; message: string } };

let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
beforeAll(async () => {
  storage = await useTemporaryStorage();
});
afterAll(async () => {
  await storage.cleanup();
});

async function fetchFile(client: TestClient, id: string) {
  const request = new Request(`http://localhost:3000/api/v1/images/${id}/file`, {
    headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
  });
  return getFile(request, { params: Promise.resolve({ id }) });
}

describe("POST /api/v1/images/upload", () => {
  it("stores a PNG by its real type, whatever name and MIME type the client gives, and serves it to the owner only", async () => {
    const { client } = await signedInClient();
    const png = await renderTextPng("hello");
    const created = await uploadAs<ImageBody>(client, upload, "/api/v1/images/upload", { bytes: png, name: "notes.txt", type: "text/plain" });
    expect(created.status).toBe(201);
    expect(created.body.image).toMatchObject({ mime: "image/png", width: (await sharp(png).metadata()).width });

    const file = await fetchFile(client, created.body.image.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).format).toBe("png");

    const { client: other } = await signedInClient("198.51.100.7");
    expect((await other.call(get, `/api/v1/images/${created.body.image.id}`, { params: { id: created.body.image.id } })).status).toBe(404);
    expect((await fetchFile(other, created.body.image.id)).status).toBe(404);
    expect((await other.call(remove, `/api/v1/images/${created.body.image.id}`, { method: "DELETE", params: { id: created.body.image.id } })).status).toBe(404);
    expect((await client.call(get, `/api/v1/images/${created.body.image.id}`, { params: { id: created.body.image.id } })).status).toBe(200);
  });

  it("strips EXIF from a JPEG", async () => {
    const { client } = await signedInClient();
    const original = await jpegWithExif();
    expect(original.includes(Buffer.from("LeakyCam"))).toBe(true);
    const created = await uploadAs<ImageBody>(client, upload, "/api/v1/images/upload", { bytes: original, name: "photo.jpg", type: "image/jpeg" });
    expect(created.status).toBe(201);
    const stored = Buffer.from(await (await fetchFile(client, created.body.image.id)).arrayBuffer());
    expect(stored.includes(Buffer.from("LeakyCam"))).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(created.body.image).toMatchObject({ mime: "image/jpeg", width: 64, height: 48, bytes: stored.length });
  });

  it("refuses an executable named .png with 415, by its magic numbers", async () => {
    const { client } = await signedInClient();
    const response = await uploadAs<ErrorBody>(client, upload, "/api/v1/images/upload", {
      bytes: windowsExecutable(),
      name: "cat.png",
      type: "image/png",
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe("unsupported_media_type");
    expect(response.body.error.message).toMatch(/EXE/);
  });

  it("refuses audio sent as an image, an empty file, a truncated PNG and a missing file field", async () => {
    const { client, userId } = await signedInClient();
    const wav = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WAVEfmt "), Buffer.alloc(64)]);
    expect((await uploadAs(client, upload, "/api/v1/images/upload", { bytes: wav, name: "a.png" })).status).toBe(415);

    const empty = await uploadAs<ErrorBody>(client, upload, "/api/v1/images/upload", { bytes: new Uint8Array(), name: "empty.png" });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: "invalid_upload", message: "The file is empty." });

    const png = await renderTextPng("this file will be cut short");
    const truncated = await uploadAs<ErrorBody>(client, upload, "/api/v1/images/upload", {
      bytes: png.subarray(0, Math.floor(png.length / 2)),
      name: "cut.png",
    });
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe("invalid_upload");

    const form = new FormData();
    form.set("note", "no file here");
    const encoded = new Response(form);
    const noFile = await upload(
      new Request("http://localhost:3000/api/v1/images/upload", {
        method: "POST",
        headers: {
          "content-type": encoded.headers.get("content-type")!,
          cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        },
        body: await encoded.arrayBuffer(),
      }),
      { params: Promise.resolve({}) },
    );
    expect(noFile.status).toBe(400);
    expect(await db().image.count({ where: { userId } })).toBe(0);
  });

  it("refuses decompression-bomb dimensions from the header, before decoding", async () => {
    const { client } = await signedInClient();
    const bomb = pngClaimingSize(100_000, 100_000);
    expect(bomb.length).toBeLessThan(2000);
    const response = await uploadAs<ErrorBody>(client, upload, "/api/v1/images/upload", { bytes: bomb, name: "bomb.png" });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain("100000×100000");
  });

  it("refuses a file over the size limit with 413 before reading it all", async () => {
    const { client } = await signedInClient();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.set(await renderTextPng("big"));
    const response = await uploadAs<ErrorBody>(client, upload, "/api/v1/images/upload", { bytes: big, name: "big.png" });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  it("refuses anonymous uploads and a JSON body", async () => {
    const anonymous = new TestClient();
    expect((await uploadAs(anonymous, upload, "/api/v1/images/upload", { bytes: await renderTextPng("x"), name: "x.png" })).status).toBe(401);
    const { client } = await signedInClient();
    expect((await client.call(upload, "/api/v1/images/upload", { body: { file: "x" } })).status).toBe(415);
  });
});

describe("DELETE /api/v1/images/:id", () => {
  it("removes the row and the stored file", async () => {
    const { client, userId } = await signedInClient();
    const created = await uploadAs<ImageBody>(client, upload, "/api/v1/images/upload", { bytes: await renderTextPng("bye"), name: "bye.png" });
    const row = await db().image.findUniqueOrThrow({ where: { id: created.body.image.id } });
    expect(row.userId).toBe(userId);
    const deleted = await client.call(remove, `/api/v1/images/${created.body.image.id}`, { method: "DELETE", params: { id: created.body.image.id } });
    expect(deleted.status).toBe(204);
    expect(await db().image.findUnique({ where: { id: created.body.image.id } })).toBeNull();
    expect((await client.call(get, `/api/v1/images/${created.body.image.id}`, { params: { id: created.body.image.id } })).status).toBe(404);
    expect(await storageFor(row.storage).get(row.storageKey)).toBeNull();
  });
});

describe("storage backends", () => {
  it("keeps files readable through the backend each row records after new uploads switch to Uploadthing", async () => {
    const { client } = await signedInClient();
    const before = await uploadAs<ImageBody>(client, upload, "/api/v1/images/upload", { bytes: await renderTextPng("local"), name: "local.png" });
    expect((await db().image.findUniqueOrThrow({ where: { id: before.body.image.id } })).storage).toBe("local");

    const uploadthing = fakeUploadthing();
    setStorage(createUploadthingStorage({ token: fakeUploadthingToken, fetch: uploadthing.fetch }), { keepOthers: true });
    try {
      const after = await uploadAs<ImageBody>(client, upload, "/api/v1/images/upload", { bytes: await renderTextPng("remote"), name: "remote.png" });
      const afterRow = await db().image.findUniqueOrThrow({ where: { id: after.body.image.id } });
      expect(afterRow.storage).toBe("uploadthing");
      expect(uploadthing.files.has(afterRow.storageKey)).toBe(true);

      const oldFile = await fetchFile(client, before.body.image.id);
      expect(oldFile.status).toBe(200);
      expect((await sharp(Buffer.from(await oldFile.arrayBuffer())).metadata()).format).toBe("png");
      expect((await fetchFile(client, after.body.image.id)).status).toBe(200);

      const beforeRow = await db().image.findUniqueOrThrow({ where: { id: before.body.image.id } });
      expect((await client.call(remove, `/api/v1/images/${before.body.image.id}`, { method: "DELETE", params: { id: before.body.image.id } })).status).toBe(204);
      expect(await storageFor("local").get(beforeRow.storageKey)).toBeNull();
      expect(uploadthing.files.has(afterRow.storageKey)).toBe(true);
    } finally {
      setStorage(storageFor("local"));
    }
  });
});
