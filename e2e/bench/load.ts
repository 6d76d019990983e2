// npm run bench:load — the built app (`next start`) under a mixed workload at rising
// concurrency, driven by autocannon: chat streams through the stub provider, the conversation
// list, search, OpenAI-compatible completions with an API key, and image uploads, all at once.
// Per route: req/s, p50/p95/p99 latency and errors; the app's peak memory. Then the
// conversation list alone against a bare node:http server answering the same body, in the same
// run, as the floor of what a JSON route can do on this machine. Runs on embedded PGlite, and
// again on PostgreSQL (+ Redis) when they answer on 127.0.0.1:5432 / 6379, in a throwaway
// database dropped afterwards. Prints figures; never fails on timing. Needs `next build` first
// (the npm script does it).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { Client } from "pg";
import sharp from "sharp";
import { startStubServer } from "../fixtures/stub-openai/server";
import { cpuMs, peakRssMb, percentile, postJson, signIn, startApp, waitFor, type AppProcess } from "./support";

const APP_PORT = 3310;
const STUB_PORT = 3312;
const BARE_PORT = 3314;
const LEVELS = [10, 50, 100];
/** Seconds at each level: 3 levels × 20 s = 60 s of mixed load per database. */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const FLOOR_SECONDS = 10;
const FLOOR_CONNECTIONS = 50;
// The stub answers quickly (first token after 50 ms, a chunk every 5 ms): the load is on the
// app, not on waiting for a slow model.
const FIRST_TOKEN_MS = 50;
const CHUNK_MS = 5;
const PROMPT = "How do load balancers spread traffic across servers? Explain briefly.";
const MODEL_ID = "openai_compatible:stub-fast";

interface Workload {
  name: string;
  request: autocannon.Request;
  /** For a stream: whether a 200 answer's body reports a failure (an error event mid-stream). */
  failed?: (body: string) => boolean;
}

/** Each route's share of a level's connections, in the order of the workloads: chat, list, search, completions, upload. */
const SHARES = [0.3, 0.2, 0.2, 0.2, 0.1];

interface RouteFigures {
  latenciesMs: number[];
  non2xx: number;
  socketErrors: number;
  /** 200s whose body reported a failure; undefined when the route's bodies are not checked. */
  failedBodies?: number;
  seconds: number;
}

const isOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port, timeout: 1000 });
    const answer = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once("connect", () => answer(true));
    socket.once("error", () => answer(false));
    socket.once("timeout", () => answer(false));
  });

/** Runs autocannon on one request, recording each response's latency and status itself (autocannon's summary has no p95). */
function cannon(url: string, connections: number, seconds: number, request: autocannon.Request, failed?: Workload["failed"]): Promise<RouteFigures> {
  const figures: RouteFigures = { latenciesMs: [], non2xx: 0, socketErrors: 0, failedBodies: failed ? 0 : undefined, seconds };
  // Only a checked route asks autocannon for bodies (it then keeps each one).
  const checked: autocannon.Request = failed
    ? { ...request, onResponse: (status, body) => void (status === 200 && failed(body) && (figures.failedBodies! += 1)) }
    : request;
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: 60, requests: [checked] }, (error, result) => {
      if (error) return reject(error);
      figures.socketErrors = result.errors;
      resolve(figures);
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      figures.latenciesMs.push(ms);
      if (status < 200 || status >= 300) figures.non2xx += 1;
    });
  });
}

function printRoute(name: string, connections: number, figures: RouteFigures) {
  const errors =
    `errors ${figures.non2xx} non-2xx, ${figures.socketErrors} socket` +
    (figures.failedBodies === undefined ? "" : `, ${figures.failedBodies} streams ending in an error event`);
  if (figures.latenciesMs.length === 0) {
    console.log(`  ${name.padEnd(12)} ${String(connections).padStart(3)} conns: no answer within the ${figures.seconds} s run; ${errors}`);
    return;
  }
  const p = (n: number) => `${percentile(figures.latenciesMs, n).toFixed(0)}`.padStart(5);
  console.log(
    `  ${name.padEnd(12)} ${String(connections).padStart(3)} conns ${(figures.latenciesMs.length / figures.seconds).toFixed(0).padStart(5)} req/s` +
      `  p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)} ms  ${errors}`,
  );
}

/** Splits `connections` by SHARES, at least one each, the rounding remainder to the first route (chat). */
function split(connections: number): number[] {
  const counts = SHARES.map((share) => Math.max(1, Math.floor(connections * share)));
  counts[0]! += Math.max(0, connections - counts.reduce((sum, n) => sum + n, 0));
  return counts;
}

function multipartPng(png: Buffer): { contentType: string; body: Buffer } {
  const boundary = "----bench-load-boundary";
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="bench.png"\r\ncontent-type: image/png\r\n\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

/** Signs in, makes an API key and one conversation per chat connection; returns the workload. */
async function prepare(app: string): Promise<{ workloads: Workload[]; cookie: string }> {
  const chatConnections = split(Math.max(...LEVELS))[0]!;
  const cookie = await signIn(app);
  const { data: key } = await postJson<{ secret: string }>(`${app}/api/v1/api-keys`, { name: "load", permissions: ["read", "write"] }, { cookie });
  const conversations: { conversationId: string; messageId: string }[] = [];
  for (let i = 0; i < chatConnections; i += 1) {
    const response = await fetch(`${app}/api/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ action: "send", message: PROMPT, modelId: MODEL_ID }),
    });
    const messageId = (await response.text()).match(/"userMessageId":"([^"]+)"/)![1]!;
    conversations.push({ conversationId: response.headers.get("x-conversation-id")!, messageId });
  }
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#3366cc" } }).png().toBuffer();
  const upload = multipartPng(png);
  let nextSlot = 0;
  const workloads: Workload[] = [
    {
      name: "chat stream",
      failed: (body) => body.includes('"type":"error"') || !body.includes('"type":"finish"'),
      // Each connection re-asks the first question of its own conversation (same text): every
      // request is a whole turn (load, check, write, stream, account) in an existing conversation.
      request: {
        method: "POST",
        path: "/api/v1/chat",
        headers: { "content-type": "application/json", cookie },
        setupRequest: (request, context: { slot?: number }) => {
          context.slot ??= nextSlot++ % conversations.length;
          return { ...request, body: JSON.stringify({ action: "edit", message: PROMPT, modelId: MODEL_ID, ...conversations[context.slot] }) };
        },
      },
    },
    { name: "list", request: { method: "GET", path: "/api/v1/conversations", headers: { cookie } } },
    { name: "search", request: { method: "GET", path: "/api/v1/conversations/search?q=load%20balancers", headers: { cookie } } },
    {
      name: "completions",
      request: {
        method: "POST",
        path: "/api/v1/chat/completions",
        headers: { "content-type": "application/json", authorization: `Bearer ${key.secret}` },
        body: JSON.stringify({ model: "stub-fast", messages: [{ role: "user", content: PROMPT }] }),
      },
    },
    { name: "upload", request: { method: "POST", path: "/api/v1/images/upload", headers: { "content-type": upload.contentType, cookie }, body: upload.body } },
  ];
  // Each route once before measuring, so first-request work (loading route modules) is not counted.
  for (const { request } of workloads) {
    const body = typeof request.setupRequest === "function" ? request.setupRequest(request, {}).body : request.body;
    const response = await fetch(`${app}${request.path}`, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: typeof body === "string" || body === undefined ? body : new Uint8Array(body),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`warm-up ${request.method} ${request.path}: ${response.status}`);
  }
  nextSlot = 0;
  return { workloads, cookie };
}

/**
 * A bare node:http server in its own process (as the app has its own), answering every request
 * with `body`: the most any JSON route can do on this machine.
 */
const BARE_SERVER = `
const body = require("node:fs").readFileSync(process.env.BODY_FILE);
require("node:http")
  .createServer((req, res) => {
    res.writeHead(200, { "content-type": process.env.CONTENT_TYPE, "content-length": body.length });
    res.end(body);
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
`;

/** The conversation list through the whole stack beside a bare node:http server sending the same bytes. */
async function jsonFloor(app: string, cookie: string) {
  const captured = await fetch(`${app}/api/v1/conversations`, { headers: { cookie } });
  const body = Buffer.from(await captured.arrayBuffer());
  const bodyFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-load-")), "body.json");
  writeFileSync(bodyFile, body);
  const bare = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { ...process.env, BODY_FILE: bodyFile, CONTENT_TYPE: captured.headers.get("content-type") ?? "application/json", PORT: String(BARE_PORT) },
    stdio: "inherit",
  });
  try {
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`, 10_000);
    const listRequest: autocannon.Request = { method: "GET", path: "/api/v1/conversations", headers: { cookie } };
    const whole = await cannon(app, FLOOR_CONNECTIONS, FLOOR_SECONDS, listRequest);
    // Between the two: a route of the app that touches no database, to show what Next and the
    // route wrapper cost alone.
    const live = await cannon(app, FLOOR_CONNECTIONS, FLOOR_SECONDS, { method: "GET", path: "/live" });
    const floor = await cannon(`http://127.0.0.1:${BARE_PORT}`, FLOOR_CONNECTIONS, FLOOR_SECONDS, listRequest);
    printRoute("list alone", FLOOR_CONNECTIONS, whole);
    printRoute("GET /live", FLOOR_CONNECTIONS, live);
    printRoute("bare http", FLOOR_CONNECTIONS, floor);
    const [wholeRate, floorRate] = [whole.latenciesMs.length / FLOOR_SECONDS, floor.latenciesMs.length / FLOOR_SECONDS];
    console.log(
      `  JSON route through the whole stack: ${wholeRate.toFixed(0)} req/s = ${((100 * wholeRate) / floorRate).toFixed(0)}% of bare node:http ` +
        `(${floorRate.toFixed(0)} req/s, the same ${body.length}-byte body; target ≥ 40%)`,
    );
    const liveRate = live.latenciesMs.length / FLOOR_SECONDS;
    console.log(`  a route with no database (GET /live, tiny body) reaches ${((100 * liveRate) / floorRate).toFixed(0)}% of bare node:http: Next and the route wrapper alone`);
  } finally {
    bare.kill();
    rmSync(path.dirname(bodyFile), { recursive: true, force: true });
  }
}

/**
 * Counts the server's log lines (warn and above) by message, so a run's errors are reported as a
 * summary rather than scrolled past: autocannon closes its sockets mid-request when a run stops,
 * and each such request is logged.
 */
function countLog(app: AppProcess): Map<string, number> {
  const counts = new Map<string, number>();
  createInterface({ input: app.child.stderr! }).on("line", (line) => {
    let key = line.slice(0, 120);
    try {
      const entry = JSON.parse(line) as { level?: string; message?: string; error?: { message?: string } };
      key = `${entry.level} "${entry.message}"${entry.error?.message ? ` (${entry.error.message.slice(0, 80)})` : ""}`;
    } catch {
      /* not a JSON log line: counted by its start */
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

async function run(label: string, env: Record<string, string>, stubBaseURL: string) {
  console.log(`\n${label}`);
  let app: AppProcess | undefined;
  let logged = new Map<string, number>();
  try {
    app = await startApp({
      port: APP_PORT,
      log: "pipe",
      env: { ...env, OPENAI_COMPATIBLE_BASE_URL: stubBaseURL, OPENAI_COMPATIBLE_MODELS: "stub-fast", OPENAI_COMPATIBLE_API_KEY: "bench-key" },
    });
    logged = countLog(app);
    const { workloads, cookie } = await prepare(app.url);
    for (const connections of LEVELS) {
      const counts = split(connections);
      const cpuBefore = cpuMs(app.child);
      const results = await Promise.all(workloads.map((workload, i) => cannon(app!.url, counts[i]!, SECONDS, workload.request, workload.failed)));
      const cpuShare = (cpuMs(app.child) - cpuBefore) / (SECONDS * 1000);
      console.log(`${connections} connections, ${SECONDS} s, all routes at once (app CPU ${cpuShare.toFixed(2)} cores, peak memory so far ${peakRssMb(app.child).toFixed(0)} MB):`);
      workloads.forEach((workload, i) => printRoute(workload.name, counts[i]!, results[i]!));
    }
    console.log(`The JSON floor (${FLOOR_CONNECTIONS} connections, ${FLOOR_SECONDS} s each):`);
    await jsonFloor(app.url, cookie);
    console.log(`  app peak memory (VmHWM, since start) ${peakRssMb(app.child).toFixed(0)} MB`);
  } finally {
    await app?.stop();
    const lines = [...logged].map(([key, count]) => `${count}× ${key}`);
    console.log(`  app log (warn and above): ${lines.length ? lines.join("; ") : "nothing"}`);
  }
}

async function main() {
  const stub = await startStubServer({ port: STUB_PORT, firstTokenDelayMs: FIRST_TOKEN_MS, chunkIntervalMs: CHUNK_MS });
  console.log(
    `Mixed load: chat streams 30% of connections, list, search, completions 20% each, uploads (64×64 PNG) 10%; ` +
      `rate limits off (RATE_LIMITS=off: one address would hit them). Stub: first token after ${FIRST_TOKEN_MS} ms, a chunk every ${CHUNK_MS} ms.`,
  );
  try {
    rmSync(".data/bench-load", { recursive: true, force: true });
    await run("Embedded PGlite", { DATA_DIR: ".data/bench-load" }, stub.baseURL);

    if (!(await isOpen(5432))) {
      console.log("\nPostgreSQL: skipped (nothing answers on 127.0.0.1:5432)");
      return;
    }
    const name = `baatcheet_load_${Date.now()}`;
    const admin = new Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const redis = await isOpen(6379);
      rmSync(".data/bench-load-pg", { recursive: true, force: true });
      await run(
        `PostgreSQL${redis ? " + Redis" : " (no Redis on 127.0.0.1:6379)"}`,
        { DATA_DIR: ".data/bench-load-pg", DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${name}`, ...(redis ? { REDIS_URL: "redis://127.0.0.1:6379" } : {}) },
        stub.baseURL,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    await stub.close();
  }
}

await main();
process.exit(0);
