// npm run bench — what BaatCheet adds on top of a provider, measured against baselines taken in
// the same run: the stub provider called directly, and a bare node:http relay of the same
// stream. The stub sends its first token after 300 ms and a chunk every 20 ms. Prints figures;
// never fails on timing. Needs `next build` first (the npm script does it).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { countMessageTokens } from "../../lib/ai/tokens";
import { startStubServer } from "../fixtures/stub-openai/server";

const APP_PORT = 3210;
const RELAY_PORT = 3211;
const APP = `http://127.0.0.1:${APP_PORT}`;
const FIRST_TOKEN_MS = 300;
const CHUNK_MS = 20;
const PROMPT = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");

interface StreamTiming {
  ttftMs: number;
  gapsMs: number[];
  chunks: number;
  ok: boolean;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const failed: StreamTiming = { ttftMs: NaN, gapsMs: [], chunks: 0, ok: false };

/** Reads an SSE response, timing the first content chunk and the gaps between content chunks. */
async function timeStream(url: string, init: RequestInit, isContent: (data: string) => boolean): Promise<StreamTiming> {
  // A refused or reset connection is a failed stream, counted, not a crash.
  return readTimedStream(url, init, isContent).catch(() => failed);
}

async function readTimedStream(url: string, init: RequestInit, isContent: (data: string) => boolean): Promise<StreamTiming> {
  const started = performance.now();
  const response = await fetch(url, init);
  if (!response.ok || !response.body) return failed;
  const decoder = new TextDecoder();
  let buffer = "";
  let last: number | undefined;
  let ttftMs = NaN;
  let errored = false;
  const gapsMs: number[] = [];
  let chunks = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (!line.startsWith("data: ")) continue;
      const data = line.slice(6);
      if (data.includes('"type":"error"')) errored = true;
      if (!isContent(data)) continue;
      const now = performance.now();
      if (last === undefined) ttftMs = now - started;
      else gapsMs.push(now - last);
      last = now;
      chunks += 1;
    }
  }
  return { ttftMs, gapsMs, chunks, ok: !errored && chunks > 0 };
}

const stubIsContent = (data: string) => data.includes('"content":"');
const appIsContent = (data: string) => data.includes('"type":"text-delta"');

function startRelay(target: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(RELAY_PORT, "127.0.0.1", () => resolve(server)));
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function json<T>(path: string, body: unknown, cookie?: string): Promise<{ data: T; setCookie: string[] }> {
  const response = await fetch(`${APP}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return { data: (await response.json()) as T, setCookie: response.headers.getSetCookie() };
}

async function signIn(): Promise<string> {
  const email = `bench-${Date.now()}@example.com`;
  const password = "bench password 1";
  await json("/api/v1/auth/register", { email, password });
  const outbox = (await (await fetch(`${APP}/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as {
    items: { text: string }[];
  };
  const code = outbox.items[0]!.text.match(/\b(\d{6})\b/)![1];
  await json("/api/v1/auth/verify-email", { email, code });
  const { setCookie } = await json("/api/v1/auth/login", { email, password });
  return setCookie.map((line) => line.split(";")[0]).join("; ");
}

function summarise(label: string, direct: StreamTiming[], routed: StreamTiming[]) {
  const ok = routed.filter((timing) => timing.ok);
  const added = (p: number) => percentile(ok.map((t) => t.ttftMs), p) - percentile(direct.map((t) => t.ttftMs), p);
  const gaps = (timings: StreamTiming[]) => timings.flatMap((t) => t.gapsMs);
  const lost = direct.length && ok.length ? Math.max(0, direct[0]!.chunks - Math.min(...ok.map((t) => t.chunks))) : NaN;
  console.log(
    `${label}: added TTFT p50 ${fmt(added(50))}, p99 ${fmt(added(99))} (targets ≤ 3 / ≤ 10 ms); ` +
      `added chunk gap p99 ${fmt(percentile(gaps(ok), 99) - percentile(gaps(direct), 99))} (target ≤ 2 ms); ` +
      `errors ${routed.length - ok.length}/${routed.length}; chunks lost ${lost}`,
  );
}

/** The processes of the app's group (the server is a child of `npx`), with their /proc files read. */
function appProcesses(child: ChildProcess): { status: string; stat: string[] }[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        // After the ")" closing the command name: state, ppid, pgrp, …
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)!.trim().split(" ");
        return Number(stat[2]) === child.pid ? [{ status, stat }] : [];
      } catch {
        return [];
      }
    });
}

function peakRssMb(child: ChildProcess): number {
  const peaks = appProcesses(child).map(({ status }) => Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0));
  return Math.max(0, ...peaks) / 1024;
}

/** CPU time the app's processes have used (user + system), in ms; /proc counts in 1/100 s. */
function cpuMs(child: ChildProcess): number {
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, 12 and 13 after the ")".
  return appProcesses(child).reduce((sum, { stat }) => sum + (Number(stat[11]) + Number(stat[12])) * 10, 0);
}

/** The local tokenizer's share of a turn: what a turn counts (the question, and the reply when the provider gives no usage). */
function tokenizerMsPerTurn(reply: string): number {
  const rounds = 2000;
  for (let i = 0; i < 100; i += 1) countMessageTokens(PROMPT + i);
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    // A fresh string each round, so no cache can answer.
    countMessageTokens(`${PROMPT} ${i}`);
    countMessageTokens(`${reply} ${i}`);
  }
  return (performance.now() - started) / rounds;
}

async function main() {
  const stub = await startStubServer({ firstTokenDelayMs: FIRST_TOKEN_MS, chunkIntervalMs: CHUNK_MS });
  const relay = await startRelay(stub.url);
  rmSync(".data/bench", { recursive: true, force: true });
  const keys = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`OPENAI_COMPATIBLE_API_KEY_${i + 1}`, `bench-key-${i + 1}`]));
  const app = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
    env: {
      ...process.env,
      DATA_DIR: ".data/bench",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // The bench opens a thousand streams from one address: it measures routing, not the limiter.
      RATE_LIMITS: "off",
      OPENAI_COMPATIBLE_BASE_URL: stub.baseURL,
      OPENAI_COMPATIBLE_MODELS: "stub-fast",
      ...keys,
    },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group: `next start` renames itself and leaves children a plain kill misses.
    detached: true,
  });
  try {
    await waitFor(`${APP}/ready`, 120_000);
    const cookie = await signIn();
    const directInit = (): RequestInit => ({
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer bench-key-1" },
      body: JSON.stringify({ model: "stub-fast", stream: true, messages: [{ role: "user", content: PROMPT }] }),
    });
    const direct = (url = stub.baseURL) => timeStream(`${url}/chat/completions`, directInit(), stubIsContent);
    const relayed = () => timeStream(`http://127.0.0.1:${RELAY_PORT}/v1/chat/completions`, directInit(), stubIsContent);

    // One conversation per concurrent slot, created (and titled) before measuring. Each measured
    // turn edits the conversation's first question (same text): the app does all the work of a
    // turn in an existing conversation (load, check, write the question and reply, stream,
    // account), and the model is sent exactly what the direct baseline sends, however many
    // turns ran before.
    const conversations: { conversationId: string; messageId: string }[] = [];
    const routed = async (slot: number) => {
      const body = { action: "edit", message: PROMPT, modelId: "openai_compatible:stub-fast", ...conversations[slot] };
      return timeStream(
        `${APP}/api/v1/chat`,
        { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) },
        appIsContent,
      );
    };
    for (let slot = 0; slot < 1000; slot += 1) {
      if (slot < 50 || slot % 50 === 0) {
        const response = await fetch(`${APP}/api/v1/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ action: "send", message: PROMPT, modelId: "openai_compatible:stub-fast" }),
        });
        const messageId = (await response.text()).match(/"userMessageId":"([^"]+)"/)![1]!;
        conversations.push({ conversationId: response.headers.get("x-conversation-id")!, messageId });
      } else conversations.push(conversations[slot % 50]!);
    }

    const sequential = async <T>(n: number, run: () => Promise<T>) => {
      const out: T[] = [];
      for (let i = 0; i < n; i += 1) out.push(await run());
      return out;
    };
    const concurrent = <T>(n: number, run: (slot: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, slot) => run(slot)));

    console.log(`stub: first token after ${FIRST_TOKEN_MS} ms, a chunk every ${CHUNK_MS} ms, ${PROMPT.split(" ").length + 1} chunks a reply`);
    const directOne = await sequential(30, () => direct());
    const cpuBefore = cpuMs(app);
    summarise("1 stream  ", directOne, await sequential(30, () => routed(0)));
    const cpuPerTurn = (cpuMs(app) - cpuBefore) / 30;
    const tokenizerMs = tokenizerMsPerTurn(`Echo: ${PROMPT}`);
    console.log(
      `app CPU per turn ${fmt(cpuPerTurn)} (1 stream, whole process); local tokenizer ${(tokenizerMs * 1000).toFixed(0)} µs a turn, ` +
        `${((100 * tokenizerMs) / cpuPerTurn).toFixed(2)}% of it (target ≤ 5%)`,
    );
    summarise("50 streams", await concurrent(50, () => direct()), await concurrent(50, (slot) => routed(slot)));
    summarise("relay, 50 ", await concurrent(50, () => direct()), await concurrent(50, () => relayed()));

    for (const streams of [100, 250, 500, 1000]) {
      const [base, ours, bare] = [
        await concurrent(streams, () => direct()),
        await concurrent(streams, (slot) => routed(slot)),
        await concurrent(streams, () => relayed()),
      ];
      summarise(`${String(streams).padEnd(4)} streams`, base, ours);
      console.log(`           bare relay errors ${bare.filter((t) => !t.ok).length}/${streams}`);
    }
    console.log(`app peak memory (VmHWM) ${peakRssMb(app).toFixed(0)} MB (target ≤ 300 MB)`);

    // 3 of 10 keys answer 429: no client-visible errors expected.
    stub.reset();
    stub.script(
      [1, 2, 3].map((n) => ({ kind: "status" as const, status: 429, retryAfterSeconds: 5, times: 1000, match: { key: `bench-key-${n}` } })),
    );
    const withFailures = await concurrent(100, (slot) => routed(slot));
    // A key that answered 429 gets nothing more until its retry-after (5 s) is over. The next
    // 100 turns start at once, well within it: none of their requests may reach those keys.
    const limitedKeys = new Set(["bench-key-1", "bench-key-2", "bench-key-3"]);
    const isLimited = (request: { key: string | null }) => request.key !== null && limitedKeys.has(request.key);
    const lastLimitedHit = Math.max(...stub.requests.filter(isLimited).map((request) => request.time));
    const seen = stub.requests.length;
    const healthy = await concurrent(100, (slot) => routed(slot));
    const duringCooldown = stub.requests.slice(seen).filter((request) => isLimited(request) && request.time - lastLimitedHit < 5_000).length;
    console.log(
      `30% of keys answering 429: errors ${withFailures.filter((t) => !t.ok).length}/100; ` +
        `TTFT p50 ${fmt(percentile(withFailures.map((t) => t.ttftMs), 50))} vs ${fmt(percentile(healthy.map((t) => t.ttftMs), 50))} once cooled down; ` +
        `requests to a 429 key during its cooldown: ${duringCooldown} (target 0)`,
    );

    // Failover cost: the first key tried answers 429 once, the next serves. Compared with the
    // stub's own round trip for a 429, and with a plain turn, sequentially.
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // every cooled key is back
    stub.reset();
    const once429 = () => stub.script({ kind: "status" as const, status: 429, retryAfterSeconds: 5, times: 1 });
    const errorRoundTrips = await sequential(20, async () => {
      once429();
      const started = performance.now();
      await (await fetch(`${stub.baseURL}/chat/completions`, directInit())).text();
      return performance.now() - started;
    });
    const plainTurns = await sequential(20, () => routed(0));
    const failoverTurns = await sequential(20, () => {
      once429();
      return routed(0);
    });
    const ttftP50 = (timings: StreamTiming[]) => percentile(timings.filter((t) => t.ok).map((t) => t.ttftMs), 50);
    console.log(
      `one 429 then the next key: adds ${fmt(ttftP50(failoverTurns) - ttftP50(plainTurns))} p50 ` +
        `(target ≤ the stub's 429 round trip ${fmt(percentile(errorRoundTrips, 50))} + 5 ms); errors ${failoverTurns.filter((t) => !t.ok).length}/20`,
    );
  } finally {
    process.kill(-app.pid!, "SIGTERM");
    relay.close();
    await stub.close();
  }
}

await main();
process.exit(0);
