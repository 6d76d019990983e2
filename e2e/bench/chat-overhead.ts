// npm run bench — what BaatCheet adds on top of a provider, measured against baselines taken in
// the same run: the stub provider called directly, a bare node:http relay of the same stream,
// and the floor: a Next route handler that only relays the stub's stream
// (app/api/bench/floor/route.bench.ts, in the build only with BENCH_FLOOR=1), served by a second
// `next start` of the same build. The stub sends its first token after 300 ms and a chunk every
// 20 ms. Prints figures and met / missed against the targets; never fails on timing. Needs
// `BENCH_FLOOR=1 next build` first (the npm script does it).
import { rmSync } from "node:fs";
import http from "node:http";
import { countMessageTokens } from "../../lib/ai/tokens";
import { startStubServer } from "../fixtures/stub-openai/server";
import { cpuMs, fmtMs as fmt, percentile, rssMb, sampleRss, signIn, sleep, startApp, type AppProcess } from "./support";

const APP_PORT = 3310;
const FLOOR_PORT = 3311;
const STUB_PORT = 3312;
const RELAY_PORT = 3313;
const FIRST_TOKEN_MS = 300;
const CHUNK_MS = 20;
const PROMPT = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");

interface StreamTiming {
  ttftMs: number;
  gapsMs: number[];
  chunks: number;
  ok: boolean;
}

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

const okTtfts = (timings: StreamTiming[]) => timings.filter((t) => t.ok).map((t) => t.ttftMs);
/** Time to first token added over the direct baseline at percentile `p`; NaN when no stream succeeded. */
const addedTtft = (direct: StreamTiming[], routed: StreamTiming[], p = 50) =>
  percentile(okTtfts(routed), p) - percentile(direct.map((t) => t.ttftMs), p);

function summarise(label: string, direct: StreamTiming[], routed: StreamTiming[]) {
  const ok = routed.filter((timing) => timing.ok);
  const gaps = (timings: StreamTiming[]) => timings.flatMap((t) => t.gapsMs);
  const lost = direct.length && ok.length ? Math.max(0, direct[0]!.chunks - Math.min(...ok.map((t) => t.chunks))) : NaN;
  console.log(
    `${label.padEnd(17)}: added TTFT p50 ${fmt(addedTtft(direct, routed))}, p99 ${fmt(addedTtft(direct, routed, 99))}; ` +
      `added chunk gap p99 ${fmt(percentile(gaps(ok), 99) - percentile(gaps(direct), 99))} (target ≤ 2 ms); ` +
      `errors ${routed.length - ok.length}/${routed.length}; chunks lost ${lost}`,
  );
}

/** One target line: met or missed, with the app's and the floor's figures. NaN (nothing measured) is missed. */
function verdict(target: string, met: boolean, figures: string) {
  console.log(`  ${met ? "met   " : "MISSED"} ${target}: ${figures}`);
}

/** Says so when Next alone (the floor) is already over an absolute target the app used to have. */
function floorLimit(what: string, floorFigure: number, absoluteTarget: number, unit: string) {
  if (floorFigure > absoluteTarget) {
    console.log(`  the floor itself is the limit: ${what} ${floorFigure.toFixed(1)} ${unit} in Next alone (absolute target ≤ ${absoluteTarget} ${unit})`);
  }
}

interface Rounds {
  timings: StreamTiming[];
  startMb: number;
  peakMb: number;
  endMb: number;
}

/** `rounds` rounds of `run`, with the server's resident memory before, at its peak, and 10 s after. */
async function measureRounds(server: AppProcess, rounds: number, run: () => Promise<StreamTiming[]>): Promise<Rounds> {
  const startMb = rssMb(server.child);
  const sampler = sampleRss(server.child);
  const timings: StreamTiming[] = [];
  for (let round = 0; round < rounds; round += 1) timings.push(...(await run()));
  const peakMb = sampler.stop();
  // Let sockets close and the collector run before reading where memory settled.
  await sleep(10_000);
  return { timings, startMb, peakMb, endMb: rssMb(server.child) };
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
  const stub = await startStubServer({ port: STUB_PORT, firstTokenDelayMs: FIRST_TOKEN_MS, chunkIntervalMs: CHUNK_MS });
  const relay = await startRelay(stub.url);
  rmSync(".data/bench", { recursive: true, force: true });
  rmSync(".data/bench-floor", { recursive: true, force: true });
  const keys = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`OPENAI_COMPATIBLE_API_KEY_${i + 1}`, `bench-key-${i + 1}`]));
  const providers = { OPENAI_COMPATIBLE_BASE_URL: stub.baseURL, OPENAI_COMPATIBLE_MODELS: "stub-fast", ...keys };
  let app: AppProcess | undefined;
  let floor: AppProcess | undefined;
  try {
    app = await startApp({ port: APP_PORT, env: { DATA_DIR: ".data/bench", ...providers } });
    // The floor's server is the same build, but its route touches no database, so it is given
    // none: a closed port (its startup logs that and /ready stays 503; /live answers). An
    // embedded PGlite of its own would only add a second database's memory to the floor.
    floor = await startApp({
      port: FLOOR_PORT,
      readyPath: "/live",
      log: "ignore",
      env: { DATA_DIR: ".data/bench-floor", DATABASE_URL: "postgresql://bench@127.0.0.1:9/none", ...providers },
    });
    const APP = app.url;
    const embedded = !process.env.DATABASE_URL;
    const cookie = await signIn(APP);
    const directInit = (): RequestInit => ({
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer bench-key-1" },
      body: JSON.stringify({ model: "stub-fast", stream: true, messages: [{ role: "user", content: PROMPT }] }),
    });
    const direct = (url = stub.baseURL) => timeStream(`${url}/chat/completions`, directInit(), stubIsContent);
    const relayed = () => timeStream(`http://127.0.0.1:${RELAY_PORT}/v1/chat/completions`, directInit(), stubIsContent);
    const floored = () => timeStream(`${floor!.url}/api/bench/floor`, directInit(), stubIsContent);
    const probe = await fetch(`${floor.url}/api/bench/floor`, directInit());
    await probe.body?.cancel();
    if (probe.status === 404) throw new Error("This build has no floor route: build with `BENCH_FLOOR=1 next build` (npm run bench does).");

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
    console.log(`database: ${embedded ? "embedded PGlite (in the app's process, so in its memory)" : "PostgreSQL (DATABASE_URL)"}; floor: a Next route that only relays the stub`);
    const directOne = await sequential(30, () => direct());
    const floorCpuBefore = cpuMs(floor.child);
    const floorOne = await sequential(30, floored);
    const floorCpuPerTurn = (cpuMs(floor.child) - floorCpuBefore) / 30;
    const cpuBefore = cpuMs(app.child);
    const appOne = await sequential(30, () => routed(0));
    const cpuPerTurn = (cpuMs(app.child) - cpuBefore) / 30;
    summarise("app, 1 stream", directOne, appOne);
    summarise("floor, 1 stream", directOne, floorOne);
    const [appAdded1, floorAdded1] = [addedTtft(directOne, appOne), addedTtft(directOne, floorOne)];
    verdict("added TTFT p50 at 1 stream ≤ floor + 2 ms", appAdded1 <= floorAdded1 + 2, `app ${fmt(appAdded1)}, floor ${fmt(floorAdded1)}`);
    floorLimit("added TTFT p50 at 1 stream", floorAdded1, 3, "ms");
    verdict(
      "CPU per turn ≤ 1.5 × floor",
      cpuPerTurn <= 1.5 * floorCpuPerTurn,
      `app ${fmt(cpuPerTurn)}, floor ${fmt(floorCpuPerTurn)} (${(cpuPerTurn / floorCpuPerTurn).toFixed(1)}×; whole process, 1 stream)`,
    );
    const tokenizerMs = tokenizerMsPerTurn(`Echo: ${PROMPT}`);
    console.log(`local tokenizer ${(tokenizerMs * 1000).toFixed(0)} µs a turn, ${((100 * tokenizerMs) / cpuPerTurn).toFixed(2)}% of the app's CPU per turn (target ≤ 5%)`);

    const direct50 = await concurrent(50, () => direct());
    const [app50, floor50, relay50] = [await concurrent(50, (slot) => routed(slot)), await concurrent(50, floored), await concurrent(50, relayed)];
    summarise("app, 50 streams", direct50, app50);
    summarise("floor, 50", direct50, floor50);
    summarise("node:http relay, 50", direct50, relay50);
    const [appAdded50, floorAdded50] = [addedTtft(direct50, app50), addedTtft(direct50, floor50)];
    verdict("added TTFT p50 at 50 streams ≤ 1.5 × floor", appAdded50 <= 1.5 * floorAdded50, `app ${fmt(appAdded50)}, floor ${fmt(floorAdded50)}`);
    floorLimit("added TTFT p50 at 50 streams", floorAdded50, 3, "ms");

    for (const streams of [100, 250, 500]) {
      const base = await concurrent(streams, () => direct());
      summarise(`app, ${streams}`, base, await concurrent(streams, (slot) => routed(slot)));
      summarise(`floor, ${streams}`, base, await concurrent(streams, floored));
    }

    // 1,000 streams, three rounds each: time to first token over all three, the server's memory
    // at its peak and where it settles afterwards.
    const direct1000 = await concurrent(1000, () => direct());
    const floor1000 = await measureRounds(floor, 3, () => concurrent(1000, floored));
    const app1000 = await measureRounds(app, 3, () => concurrent(1000, (slot) => routed(slot)));
    summarise("app, 1000 ×3", direct1000, app1000.timings);
    summarise("floor, 1000 ×3", direct1000, floor1000.timings);
    const [appAdded1000, floorAdded1000] = [addedTtft(direct1000, app1000.timings), addedTtft(direct1000, floor1000.timings)];
    verdict("added TTFT p50 at 1,000 streams ≤ 1.5 × floor", appAdded1000 <= 1.5 * floorAdded1000, `app ${fmt(appAdded1000)}, floor ${fmt(floorAdded1000)}`);
    floorLimit("added TTFT p50 at 1,000 streams", floorAdded1000, 3, "ms");
    verdict(
      "peak memory at 1,000 streams ≤ floor + 150 MB",
      app1000.peakMb <= floor1000.peakMb + 150,
      `app ${app1000.peakMb.toFixed(0)} MB${embedded ? " (with its embedded PGlite)" : ""}, floor ${floor1000.peakMb.toFixed(0)} MB (resident, sampled every 100 ms)`,
    );
    floorLimit("peak memory at 1,000 streams", floor1000.peakMb, 300, "MB");
    verdict(
      "memory back within 50 MB of its start after three rounds",
      app1000.endMb - app1000.startMb <= 50,
      `app ${app1000.startMb.toFixed(0)} → ${app1000.endMb.toFixed(0)} MB, floor ${floor1000.startMb.toFixed(0)} → ${floor1000.endMb.toFixed(0)} MB (10 s after the last round)`,
    );

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
    await app?.stop();
    await floor?.stop();
    relay.close();
    await stub.close();
  }
}

await main();
process.exit(0);
