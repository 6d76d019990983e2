// A fake Uploadthing for tests, at the fetch boundary: the real UTApi builds and signs every request.
/**
 * An in-memory stand-in for Uploadthing's three endpoints the adapter uses: the signed ingest
 * PUT (UTApi signs it locally), the signed file URL, and deleteFiles. Only fetch is faked; the
 * real UTApi builds and signs every request.
 */
export function fakeUploadthing() {
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

/** A token in Uploadthing's format for the fake app `app123`; the SDK signs requests with its key. */
export const fakeUploadthingToken = Buffer.from(JSON.stringify({ apiKey: "sk_live_test_0123456789abcdef", appId: "app123", regions: ["sea1"] })).toString("base64");
