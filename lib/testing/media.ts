// Helpers for media tests: uploads kept in a temporary directory, multipart calls to route
// handlers with the test client's session, and the test files of e2e/fixtures/media-files.ts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLocalDiskStorage } from "@/lib/storage/local-disk";
import { setStorage } from "@/lib/storage/storage";
import type { TestClient } from "./http";

type RouteHandler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Points storage at a fresh temporary directory; call the returned function to remove it. */
export async function useTemporaryStorage(): Promise<{ root: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "baatcheet-uploads-"));
  setStorage(createLocalDiskStorage({ root }));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface UploadOptions {
  bytes: Uint8Array;
  name: string;
  /** What the client claims; the server must not trust it. */
  type?: string;
  fields?: Record<string, string>;
  params?: Record<string, string>;
}

/** POSTs a multipart form with `file` (and text fields) to a route handler as `client`. */
export async function uploadAs<T = Record<string, unknown>>(
  client: TestClient,
  handler: RouteHandler,
  urlPath: string,
  options: UploadOptions,
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.set(name, value);
  form.set("file", new File([new Uint8Array(options.bytes)], options.name, { type: options.type ?? "application/octet-stream" }));
  const encoded = new Response(form);
  const headers = new Headers({
    "x-forwarded-for": client.ip,
    "content-type": encoded.headers.get("content-type")!,
    cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
  });
  const request = new Request(`http://localhost:3000${urlPath}`, { method: "POST", headers, body: await encoded.arrayBuffer() });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: (text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T };
}

export { jpegWithExif, pngClaimingSize, renderTextPng, silentWav, windowsExecutable } from "@/e2e/fixtures/media-files";
