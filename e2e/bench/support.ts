// What the benches share: starting the built app (`next start`) in its own process group,
// signing a user in, percentiles, and the app's CPU and memory read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** The nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `next start` of the current build on 127.0.0.1:`port`, resolved once `readyPath` answers 200.
 * Rate limits are off (a bench drives thousands of requests from one address: it measures the
 * app, not the limiter) and the dev outbox is public so `signIn` can read the code.
 */
export async function startApp(options: {
  port: number;
  env: Record<string, string>;
  readyPath?: string;
  /** The server's log (stderr at LOG_LEVEL=warn): shown (the default), dropped, or piped for the caller to read from `child.stderr`. */
  log?: "inherit" | "ignore" | "pipe";
}): Promise<AppProcess> {
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(options.port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
      DEV_OUTBOX: "public",
      ...options.env,
    },
    stdio: ["ignore", "ignore", options.log ?? "inherit"],
    // Its own process group: `next start` renames itself and leaves children a plain kill misses.
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  try {
    await waitFor(`${url}${options.readyPath ?? "/ready"}`, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ data: T; setCookie: string[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return { data: (await response.json()) as T, setCookie: response.headers.getSetCookie() };
}

/** Registers a fresh user, verifies it with the outbox's code, signs in; returns the Cookie header. */
export async function signIn(app: string): Promise<string> {
  const email = `bench-${Date.now()}@example.com`;
  const password = "bench password 1";
  await postJson(`${app}/api/v1/auth/register`, { email, password });
  const outbox = (await (await fetch(`${app}/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { items: { text: string }[] };
  const code = outbox.items[0]!.text.match(/\b(\d{6})\b/)![1];
  await postJson(`${app}/api/v1/auth/verify-email`, { email, code });
  const { setCookie } = await postJson(`${app}/api/v1/auth/login`, { email, password });
  return setCookie.map((line) => line.split(";")[0]).join("; ");
}

/** The processes of the app's group (the server is a child of `npx`), with their /proc files read. */
function groupProcesses(child: ChildProcess): { status: string; stat: string[] }[] {
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

function largestMb(child: ChildProcess, field: "VmHWM" | "VmRSS"): number {
  const kb = groupProcesses(child).map(({ status }) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0));
  return Math.max(0, ...kb) / 1024;
}

/** The server's peak resident memory since it started (VmHWM of the largest process in the group). */
export const peakRssMb = (child: ChildProcess) => largestMb(child, "VmHWM");
/** The server's resident memory now. */
export const rssMb = (child: ChildProcess) => largestMb(child, "VmRSS");

/** CPU time the app's processes have used (user + system), in ms; /proc counts in 1/100 s. */
export function cpuMs(child: ChildProcess): number {
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, 12 and 13 after the ")".
  return groupProcesses(child).reduce((sum, { stat }) => sum + (Number(stat[11]) + Number(stat[12])) * 10, 0);
}

/**
 * Samples the server's resident memory every `everyMs` until stopped; `stop` returns the highest
 * sample. Unlike VmHWM this gives the peak of one stretch of a run, not of the whole process life.
 */
export function sampleRss(child: ChildProcess, everyMs = 100): { stop(): number } {
  let peak = rssMb(child);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(child))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(child));
    },
  };
}
