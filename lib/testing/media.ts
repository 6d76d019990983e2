// Helpers for media tests: uploads kept in a temporary directory, multipart calls to route
// handlers with the test client's session, and images made on the spot (text rendered by sharp).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
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

const ARABIC_FONT = path.resolve("node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff");

/**
 * Black text on white, rendered by sharp (Pango). Arabic-script text uses Noto Sans Arabic from
 * npm, so the test does not depend on the machine's fonts; Latin text uses the default sans.
 */
export async function renderTextPng(text: string, options: { script?: "latin" | "arabic"; points?: number } = {}): Promise<Buffer> {
  const arabic = options.script === "arabic";
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const glyphs = await sharp({
    text: {
      text: `<span foreground="black">${escaped}</span>`,
      font: `${arabic ? "Noto Sans Arabic" : "sans"} ${options.points ?? 36}`,
      fontfile: arabic ? ARABIC_FONT : undefined,
      dpi: 144,
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return sharp({ create: { width: glyphs.info.width + 80, height: glyphs.info.height + 80, channels: 3, background: "#ffffff" } })
    .composite([{ input: glyphs.data, left: 40, top: 40 }])
    .png()
    .withMetadata({ density: 144 })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny, valid-looking PNG whose header claims `width`×`height` (a decompression bomb's shape). */
export function pngClaimingSize(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.alloc(1024))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A JPEG carrying EXIF (camera make and a GPS-ish comment) to check it is stripped. */
export async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366cc" } })
    .jpeg()
    .withExif({ IFD0: { Make: "LeakyCam", Model: "Model X", ImageDescription: "GPS 24.8607N 67.0011E" } })
    .toBuffer();
}

/** The start of a Windows executable (MZ header and PE signature), whatever it is named. */
export function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
}

/** A playable WAV: 16 kHz, 16-bit mono silence, `seconds` long (the stub's duration is bytes / 32 000). */
export function silentWav(seconds: number): Buffer {
  const data = Buffer.alloc(Math.round(seconds * 32_000));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "latin1");
  header.write("fmt ", 12, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
