import { describe, expect, it } from "vitest";
import { createUploadthingStorage } from "./uploadthing";

/**
 * An in-memory stand-in for Uploadthing's three endpoints the adapter uses: the signed ingest
 * PUT (UTApi signs it locally), the signed file URL, and deleteFiles. Only fetch is faked; the
 * real UTApi builds and signs every request.
 */
function fakeUploadthing() {
  const files = new Map<string, Uint8Array>();
  const requests: { method: string; url: URL }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    requests.push({ method: request.method, url });
    if (request.method === "PUT" && url.hostname.endsWith("ingest.uploadthing.com")) {
      const file = (await request.formData()).get("file") as File;
      const key = url.pathname.slice(1);
      files.set(key, new Uint8Array(await file.arrayBuffer()));
      return Response.json({ url: `https://app123.ufs.sh/f/${key}`, ufsUrl: `https://app123.ufs.sh/f/${key}`, fileHash: "hash", serverData: null });
    }
    if (request.method === "GET" && url.hostname === "app123.ufs.sh") {
      const bytes = files.get(url.pathname.replace("/f/", ""));
      return bytes ? new Response(new Uint8Array(bytes)) : new Response("not found", { status: 404 });
    }
    if (request.method === "POST" && url.pathname.endsWith("/deleteFiles")) {
      const { fileKeys } = (await request.json()) as { fileKeys: string[] };
      fileKeys.forEach((key) => files.delete(key));
      return Response.json({ success: true, deletedCount: fileKeys.length });
    }
    return new Response("unexpected", { status: 500 });
  }) as typeof globalThis.fetch;
  return { files, requests, fetch };
}

const token = Buffer.from(JSON.stringify({ apiKey: "sk_live_test_0123456789abcdef", appId: "app123", regions: ["sea1"] })).toString("base64");

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
