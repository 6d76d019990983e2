// The bad-input sweep: every /api/v1 route of app/api/docs/api-routes.ts gets malformed and
// hostile input generated from its own definition (path params, query and body schemas,
// multipart uploads), and must answer a 4xx with the JSON error shape — never a 500 or plain
// text — leaving row counts and the upload folder as they were when it refuses. The cases are
// derived from `handler.definition`, so a new route or field is swept without editing this file.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoutes } from "@/app/api/docs/api-routes";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { RouteHandler } from "@/lib/http/route";
import { uploadImage } from "@/lib/media/images/service";
import { signedInClient } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { jpegWithExif, silentWav, useTemporaryStorage, windowsExecutable } from "@/lib/testing/media";
import { pngClaimingSize } from "@/e2e/fixtures/media-files";
import { inPersonalWorkspace } from "@/lib/testing/workspaces";

/** What a case may answer: `refused` must be a 4xx; `survives` may also succeed (extra fields, odd but valid text). */
type Expectation = "refused" | "survives";

interface Case {
  name: string;
  expect: Expectation;
  params?: Record<string, string>;
  /** The query string without `?`. */
  query?: string;
  body?: { raw: BodyInit; contentType?: string };
}

const ONE_MB = 1024 * 1024;
const UNAVAILABLE_CODES: readonly string[] = ["provider_unavailable", "not_ready"];
const NUL = "\u0000";
const LONE_SURROGATE = "\ud800";
const RTL = "\u202Eevil\u202C مرحبا";
const COMBINING = "e\u0301\u0301\u0301\u0301\u0308\u0308";

/** A value the schema accepts, built from its shape: the base each mutation changes one field of. */
function sample(schema: z.ZodType): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return sample(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return sample(schema.in as z.ZodType);
  if (schema instanceof z.ZodObject) {
    return Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [key, sample(field)]));
  }
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) return sample(schema.options[0] as z.ZodType);
  if (schema instanceof z.ZodLiteral) return schema.value;
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodArray) return [sample(schema.element as z.ZodType)];
  if (schema instanceof z.ZodNumber) return Math.max(schema.minValue ?? 1, Math.min(1, schema.maxValue ?? 1));
  if (schema instanceof z.ZodString) {
    if (schema.format === "email") return "sweep@example.com";
    if (schema.format === "datetime") return new Date(Date.now() + 86_400_000).toISOString();
    if (schema.format === "date") return "2024-01-01";
    return "sweep".padEnd(schema.minLength ?? 0, "x");
  }
  return "sweep";
}

/** The object schema whose fields are mutated (a union's first option; refinements keep their shape). */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) return objectShape(schema.options[0] as z.ZodType);
  if (schema instanceof z.ZodPipe) return objectShape(schema.in as z.ZodType);
  return {};
}

function innermost(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return innermost(schema.unwrap() as z.ZodType);
  }
  return schema instanceof z.ZodPipe ? innermost(schema.in as z.ZodType) : schema;
}

/** Hostile values for one field: the type's own edge cases plus text every field should survive. */
function fieldMutations(field: z.ZodType): { label: string; value: unknown; expect: Expectation }[] {
  const inner = innermost(field);
  const optional = field.safeParse(undefined).success;
  const mutations: { label: string; value: unknown; expect: Expectation }[] = [
    { label: "missing", value: undefined, expect: optional ? "survives" : "refused" },
    { label: "null", value: null, expect: "survives" },
    { label: "an object", value: { nested: { deeper: [1] } }, expect: "refused" },
    { label: "1 MB string", value: "a".repeat(ONE_MB - 200), expect: "survives" },
    { label: "NUL", value: `a${NUL}b`, expect: "refused" },
    { label: "lone surrogate", value: `a${LONE_SURROGATE}b`, expect: "refused" },
    { label: "RTL", value: RTL, expect: "survives" },
    { label: "combining", value: COMBINING, expect: "survives" },
    { label: "traversal", value: "../../etc/passwd", expect: "survives" },
  ];
  if (inner instanceof z.ZodNumber || inner instanceof z.ZodBoolean) mutations.push({ label: "a string", value: "abc", expect: "refused" });
  if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) mutations.push({ label: "a number", value: 12, expect: "refused" });
  for (const [label, value] of [
    ["negative", -1],
    ["fractional", 0.5],
    ["huge", 1e308],
    ["past int32", 2 ** 31],
    ["past int64", 2 ** 64],
    ["NaN as string", "NaN"],
    ["Infinity as string", "Infinity"],
  ] as const) {
    mutations.push({ label, value, expect: "survives" });
  }
  for (const value of ["99999-01-01T00:00:00Z", "0000-00-00", "+275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z"]) {
    mutations.push({ label: `date ${value}`, value, expect: "survives" });
  }
  return mutations;
}

function jsonBodyCases(schema: z.ZodType): Case[] {
  const base = sample(schema) as Record<string, unknown>;
  const json = (value: unknown) => ({ raw: JSON.stringify(value), contentType: "application/json" });
  const cases: Case[] = [
    { name: "malformed JSON", expect: "refused", body: { raw: '{"a": ', contentType: "application/json" } },
    { name: "wrong content type", expect: "refused", body: { raw: JSON.stringify(base), contentType: "text/plain" } },
    { name: "form-encoded", expect: "refused", body: { raw: "a=1&b=2", contentType: "application/x-www-form-urlencoded" } },
    { name: "a JSON array", expect: "refused", body: json([base]) },
    { name: "a JSON string", expect: "refused", body: json("sweep") },
    { name: "JSON null", expect: "refused", body: json(null) },
    { name: "over 1 MB", expect: "refused", body: json({ ...base, padding: "a".repeat(ONE_MB + 1) }) },
    { name: "a lone surrogate escaped in JSON", expect: "refused", body: { raw: '{"x":"\\ud800"}', contentType: "application/json" } },
    { name: "extra fields", expect: "survives", body: json({ ...base, unexpected: "field", constructor: { prototype: 1 } }) },
  ];
  for (const [key, field] of Object.entries(objectShape(schema))) {
    for (const mutation of fieldMutations(field)) {
      cases.push({ name: `${key}: ${mutation.label}`, expect: mutation.expect, body: json({ ...base, [key]: mutation.value }) });
    }
  }
  return cases;
}

const CURSORS = [
  "not-base64!!",
  Buffer.from("random bytes \u00ff\u0001").toString("base64"),
  Buffer.from('{"at":"2024-01-01","id":"x"}').toString("base64url"),
  Buffer.from("garbage|").toString("base64url"),
  Buffer.from("+275760-09-13T00:00:00.000Z|abc").toString("base64url"),
  Buffer.from("2024-01-01T00:00:00.000Z|a\u0000b").toString("base64url"),
  Buffer.from("r|99999999999999999999|abc").toString("base64url"),
  Buffer.from("t|99999999999999999999|abc").toString("base64url"),
  Buffer.from("t|-99999999999999999|abc").toString("base64url"),
  Buffer.from("t|1700000000000|a\u0000b").toString("base64url"),
];

function queryCases(schema: z.ZodType): Case[] {
  const cases: Case[] = [];
  for (const [key, field] of Object.entries(objectShape(schema))) {
    const values = ["", "abc", "-1", "0.5", "1e400", "99999999999999999999", "NaN", "%E0%A4%A", encodeURIComponent(RTL), encodeURIComponent(COMBINING), "..%2F..%2Fetc"];
    values.push("a".repeat(ONE_MB), "0000-00-00", "99999-01-01", "9999-12-31", "0000-01-01", "2024-02-30");
    if (key === "cursor") values.push(...CURSORS.map(encodeURIComponent));
    if (key === "q") values.push(...["before:99999-01-01", "after:0000-00-00", "before:9999-12-31", "after:0001-01-01", "before:0000-01-01"].map(encodeURIComponent));
    for (const value of values) cases.push({ name: `?${key}=${value.slice(0, 40)}`, expect: "survives", query: `${key}=${value}` });
    // %ED%A0%80 (an encoded lone surrogate) decodes to U+FFFD, which is storable.
    values.push("%ED%A0%80");
    for (const value of ["%00", "a%00b"]) cases.push({ name: `?${key}=${value}`, expect: "refused", query: `${key}=${value}` });
    if (innermost(field) instanceof z.ZodNumber) cases.push({ name: `?${key} not a number`, expect: "refused", query: `${key}=abc` });
  }
  cases.push({ name: "repeated and unknown query keys", expect: "survives", query: "unknown=1&unknown=2&__proto__=x" });
  return cases;
}

const HOSTILE_IDS = [
  "",
  "x".repeat(65),
  "x".repeat(10_000),
  "../../etc/passwd",
  "..",
  "%2e%2e",
  "%2e%2e%2f%2e%2e",
  "..%2F..%2Fsecret",
  NUL,
  `abc${NUL}def`,
  "%00",
  "%E0%A4%A",
  LONE_SURROGATE,
  RTL,
  COMBINING,
  "' OR 1=1 --",
  "-1",
  "1e999",
  "NaN",
  "🙂",
];

function paramCases(keys: string[], base: Record<string, string>): Case[] {
  return keys.flatMap((key) => HOSTILE_IDS.map((value) => ({ name: `{${key}} = ${JSON.stringify(value.slice(0, 30))}`, expect: "refused" as const, params: { ...base, [key]: value } })));
}

interface Upload {
  name: string;
  bytes: Uint8Array;
  type: string;
  /** What the bytes really are, when an upload route of that kind should take them whatever the name says. */
  really?: "image" | "audio";
}

/** Truncated and mislabelled files of every accepted type, and things that are not what they claim. */
async function hostileUploads(): Promise<Upload[]> {
  const jpeg = new Uint8Array(await jpegWithExif());
  const png = new Uint8Array(pngClaimingSize(16, 16));
  const wav = new Uint8Array(silentWav(1));
  const gif = new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000");
  const webp = new TextEncoder().encode("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ");
  const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<");
  const mp3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]);
  const ogg = new TextEncoder().encode("OggS\u0000\u0002");
  const flac = new TextEncoder().encode("fLaC\u0000\u0000");
  const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]);
  const m4a = new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20]);
  return [
    { name: "empty.png", bytes: new Uint8Array(0), type: "image/png" },
    { name: "truncated.jpg", bytes: jpeg.slice(0, 40), type: "image/jpeg" },
    { name: "half.jpg", bytes: jpeg.slice(0, Math.floor(jpeg.length / 2)), type: "image/jpeg" },
    { name: "truncated.png", bytes: png.slice(0, 30), type: "image/png" },
    { name: "truncated.gif", bytes: gif, type: "image/gif" },
    { name: "truncated.webp", bytes: webp, type: "image/webp" },
    { name: "truncated.pdf", bytes: pdf, type: "application/pdf" },
    // Audio is stored as sent and only decoded by the transcription provider: a truncated file
    // whose magic numbers are right is taken; refusing it would need an audio parser.
    { name: "truncated.wav", bytes: wav.slice(0, 20), type: "audio/wav", really: "audio" },
    { name: "truncated.mp3", bytes: mp3, type: "audio/mpeg" },
    { name: "truncated.ogg", bytes: ogg, type: "audio/ogg" },
    { name: "truncated.flac", bytes: flac, type: "audio/flac", really: "audio" },
    { name: "truncated.webm", bytes: webm, type: "audio/webm" },
    { name: "truncated.m4a", bytes: m4a, type: "audio/mp4", really: "audio" },
    { name: "program.png", bytes: new Uint8Array(windowsExecutable()), type: "image/png" },
    { name: "audio-named.jpg", bytes: wav, type: "image/jpeg", really: "audio" },
    { name: "image-named.wav", bytes: jpeg, type: "audio/wav", really: "image" },
    { name: "text.mp3", bytes: new TextEncoder().encode("just text"), type: "audio/mpeg" },
    { name: "bomb.png", bytes: new Uint8Array(pngClaimingSize(100_000, 100_000)), type: "image/png" },
    { name: "../../../etc/passwd", bytes: new TextEncoder().encode("root:x:0:0"), type: "image/png" },
    // A real image whose name climbs out of the upload folder: stored under a generated key, or refused.
    { name: "../../../../tmp/escaped.jpg", bytes: jpeg, type: "image/jpeg", really: "image" },
    { name: "..%2F..%2Fescaped.jpg", bytes: jpeg, type: "image/jpeg", really: "image" },
    { name: `nul${NUL}.png`, bytes: new Uint8Array(windowsExecutable()), type: "image/png" },
  ];
}

function multipartCases(fields: z.ZodObject, uploads: Upload[], kind: "image" | "audio"): Case[] {
  const form = (file: Upload | undefined, values: Record<string, string> = {}) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) data.set(name, value);
    if (file) data.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return { raw: data };
  };
  const cases: Case[] = [
    { name: "no file", expect: "refused", body: form(undefined) },
    { name: "JSON instead of multipart", expect: "refused", body: { raw: "{}", contentType: "application/json" } },
    { name: "multipart without a boundary", expect: "refused", body: { raw: "--x\r\n", contentType: "multipart/form-data" } },
    { name: "broken multipart", expect: "refused", body: { raw: "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", contentType: "multipart/form-data; boundary=b" } },
    ...uploads.map((file) => ({
      name: `upload ${JSON.stringify(file.name)}`,
      expect: file.really === kind ? ("survives" as const) : ("refused" as const),
      body: form(file),
    })),
  ];
  for (const key of Object.keys(fields.shape)) {
    for (const value of [`a${NUL}b`, `a${LONE_SURROGATE}b`]) {
      cases.push({ name: `${key}: hostile text`, expect: "refused", body: form(uploads[0], { [key]: value }) });
    }
  }
  return cases;
}

const COUNTED_TABLES = ["Conversation", "Message", "Project", "Image", "Audio", "ApiKey", "Job", "Tag", "User"] as const;

/** Row counts of the tables a refused request must not touch, in one round trip (a few thousand cases each take two). */
async function rowCounts(): Promise<string> {
  const counts = COUNTED_TABLES.map((table) => Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(`"${table}"`)})::int AS ${Prisma.raw(`"${table}"`)}`);
  const [row] = await db().$queryRaw<Record<string, number>[]>`SELECT ${Prisma.join(counts)}`;
  return JSON.stringify(row);
}

async function filesUnder(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

function fillPath(template: string, params: Record<string, string>): string {
  // The URL is only for the record: the handler reads the params object, which keeps lone surrogates as sent.
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => encodeURIComponent((params[key] ?? "").toWellFormed()));
}

let storageRoot: { root: string; cleanup(): Promise<void> };
let userId: string;
let client: TestClient;
let uploads: Upload[];
const realIds: Record<string, string> = {};

beforeAll(async () => {
  storageRoot = await useTemporaryStorage();
  ({ client, userId } = await signedInClient());
  const [conversation, project, apiKey] = await Promise.all([
    db().conversation.create({ data: await inPersonalWorkspace({ userId, title: "sweep" }) }),
    db().project.create({ data: await inPersonalWorkspace({ userId, name: "sweep" }) }),
    db().apiKey.create({ data: { userId, name: "sweep", prefix: "bc_sweep", keyHash: "sweep-hash", permissions: ["read"] } }),
  ]);
  const image = await uploadImage({ userId, file: { name: "sweep.jpg", bytes: new Uint8Array(await jpegWithExif()), fields: {} } });
  realIds.conversations = conversation.id;
  realIds.chat = conversation.id;
  realIds.projects = project.id;
  realIds["api-keys"] = apiKey.id;
  realIds.images = image.id;
  uploads = await hostileUploads();
});

afterAll(async () => {
  await storageRoot.cleanup();
});

async function newSessionCookie(): Promise<string> {
  const cookies = await startSession("http://localhost:3000", userId);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

let sharedSession: string | undefined;

/** Auth routes (sign-out, password change) may end the session, so each of their cases gets a fresh one; the rest share one. */
async function cookiesFor(path: string): Promise<string> {
  if (path.startsWith("/api/v1/auth/")) return newSessionCookie();
  sharedSession ??= await newSessionCookie();
  return sharedSession;
}

async function send(handler: RouteHandler, method: string, template: string, testCase: Case, baseParams: Record<string, string>) {
  const params = { ...baseParams, ...testCase.params };
  const headers = new Headers({ "x-forwarded-for": client.ip, cookie: await cookiesFor(template) });
  if (testCase.body?.contentType) headers.set("content-type", testCase.body.contentType);
  let raw = testCase.body?.raw;
  if (raw instanceof FormData) {
    const encoded = new Response(raw);
    headers.set("content-type", encoded.headers.get("content-type")!);
    raw = await encoded.arrayBuffer();
  }
  const url = `http://localhost:3000${fillPath(template, params)}${testCase.query ? `?${testCase.query}` : ""}`;
  const response = await handler(new Request(url, { method, headers, body: raw }), { params: Promise.resolve(params) });
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() };
}

type Route = { path: string; method: string; handler: RouteHandler };

const routes: Route[] = Object.entries(apiRoutes).flatMap(([path, module]) =>
  Object.entries(module).flatMap(([method, handler]) =>
    typeof handler === "function" && "definition" in handler ? [{ path, method, handler: handler as RouteHandler }] : [],
  ),
);

function casesFor({ path, handler }: Route, baseParams: Record<string, string>): Case[] {
  const definition = handler.definition;
  const cases: Case[] = [];
  if (definition.params instanceof z.ZodObject) cases.push(...paramCases(Object.keys(definition.params.shape), baseParams));
  if (definition.query) cases.push(...queryCases(definition.query));
  if (definition.body instanceof z.ZodType) cases.push(...jsonBodyCases(definition.body));
  else if (definition.body) cases.push(...multipartCases(definition.body.multipart, uploads, path.includes("/images/") ? "image" : "audio"));
  expect(path).toMatch(/^\/api\/v1\//);
  return cases;
}

/** Base path params: the sweep user's real rows, so body and query mutations reach the services; deletes get a well-shaped id that matches nothing. */
function baseParamsFor({ path, method, handler }: Route): Record<string, string> {
  const keys = handler.definition.params instanceof z.ZodObject ? Object.keys(handler.definition.params.shape) : [];
  const resource = path.split("/")[3] ?? "";
  const real = method === "DELETE" ? undefined : realIds[resource];
  return Object.fromEntries(keys.map((key) => [key, key === "keyId" ? "groq#9" : key === "tag" ? "sweep" : (real ?? "cm0sweep0000000000000000")]));
}

describe("bad-input sweep", () => {
  it.each(routes.filter((route) => route.handler.definition.params || route.handler.definition.query || route.handler.definition.body).map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s answers hostile input with a JSON 4xx and changes nothing when it refuses",
    async (_name, route) => {
      const baseParams = baseParamsFor(route);
      const failures: string[] = [];
      let [countsBefore, filesBefore] = await Promise.all([rowCounts(), filesUnder(storageRoot.root)]);
      for (const testCase of casesFor(route, baseParams)) {
        const { status, contentType, text } = await send(route.handler, route.method, route.path, testCase, baseParams);
        const label = `${testCase.name} → ${status} ${text.slice(0, 160)}`;
        const body = status >= 400 && contentType.includes("json") ? (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }) : undefined;
        const code = typeof body?.error?.code === "string" ? body.error.code : undefined;
        // The sweep runs without AI providers: routes that need one refuse with 503 before reading on.
        const refusedForNoProvider = status === 503 && code !== undefined && UNAVAILABLE_CODES.includes(code);
        if (status >= 500 && !refusedForNoProvider) failures.push(`server error: ${label}`);
        if (testCase.expect === "refused" && (status < 400 || (status >= 500 && !refusedForNoProvider))) failures.push(`not refused: ${label}`);
        if (status >= 400) {
          if (code === undefined || typeof body?.error?.message !== "string") failures.push(`not the JSON error shape: ${label}`);
        }
        // One snapshot per case: it is the "before" of the next one, and accepted cases may change rows.
        const [countsAfter, filesAfter] = await Promise.all([rowCounts(), filesUnder(storageRoot.root)]);
        if (status >= 400 && countsAfter !== countsBefore) failures.push(`rows changed: ${label}`);
        if (status >= 400 && filesAfter.length !== filesBefore.length) failures.push(`upload folder changed: ${label}`);
        [countsBefore, filesBefore] = [countsAfter, filesAfter];
      }
      expect(failures).toEqual([]);
    },
  );
});

/** The methods Next lets a route module export; any other method gets Next's own 405 before our code runs. */
const EXPORTABLE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

describe("methods a path does not serve", () => {
  it.each(Object.keys(apiRoutes))("%s answers them 405 with Allow and the JSON error body", async (apiPath) => {
    const folder = apiPath.replace(/\{(\w+)\}/g, "[$1]");
    const exported: Record<string, unknown> = await import(path.join(process.cwd(), "app", folder, "route.ts"));
    const served = Object.keys(apiRoutes[apiPath]!);
    const allow = EXPORTABLE_METHODS.filter((method) => served.includes(method) || method === "OPTIONS" || (method === "HEAD" && served.includes("GET")));
    for (const method of EXPORTABLE_METHODS) {
      if (allow.includes(method) && method !== "OPTIONS") continue;
      const handler = exported[method];
      expect(typeof handler, `${method} ${apiPath} is exported`).toBe("function");
      const response = await (handler as (req: Request) => Promise<Response>)(new Request(`http://localhost:3000${apiPath}`, { method }));
      expect(response.headers.get("allow"), `${method} ${apiPath}`).toBe(allow.join(", "));
      if (method === "OPTIONS") {
        expect(response.status).toBe(204);
        continue;
      }
      expect(response.status, `${method} ${apiPath}`).toBe(405);
      expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining(allow.join(", ")) } });
    }
  });
});
