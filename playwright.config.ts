// Playwright drives the production build (`next build && next start`) in a real Chromium.
// The system Chromium from Debian is used when present; no browser is ever downloaded.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The stub OpenAI-compatible provider the app is pointed at (e2e/fixtures/stub-openai). */
const STUB_PORT = Number(process.env.E2E_STUB_PORT ?? 3101);
const stubURL = `http://127.0.0.1:${STUB_PORT}`;
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      // Without these Chromium keeps calling home, which this network refuses.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // A synthetic microphone (a beep) that needs no permission prompt, for voice input.
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
      ],
    },
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    { name: "ui", testMatch: /ui\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: [
    {
      command: `jiti e2e/fixtures/stub-openai/cli.ts ${STUB_PORT}`,
      url: `${stubURL}/v1/models`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { STUB_OPENAI_CHUNK_INTERVAL_MS: "20" },
    },
    {
      // A fresh embedded database every run (ignored when DATABASE_URL selects PostgreSQL).
      command: `rm -rf .data/e2e && next build && next start -H 127.0.0.1 -p ${PORT}`,
      url: `${baseURL}/ready`,
      // `next build` takes ~2 min alone; more when the machine is busy.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        DATA_DIR: ".data/e2e",
        // The specs read sign-up codes from the outbox as a self-hoster's first user would from the log.
        DEV_OUTBOX: "public",
        NEXT_TELEMETRY_DISABLED: "1",
        // As `npm start` does: SIGTERM drains replies and jobs (lib/server/shutdown.ts).
        NEXT_MANUAL_SIG_HANDLE: "true",
        AUTH_URL: baseURL,
        // The specs play a proxy in front: each simulated person sends its own X-Forwarded-For.
        TRUST_PROXY: "loopback",
        // Real provider code, pointed at the stub: Groq with two keys, plus an OpenAI-compatible server.
        GROQ_API_KEY_1: "e2e-groq-key-1",
        GROQ_API_KEY_2: "e2e-groq-key-2",
        GROQ_BASE_URL: `${stubURL}/v1`,
        OPENAI_COMPATIBLE_BASE_URL: `${stubURL}/v1`,
        OPENAI_COMPATIBLE_MODELS: "stub-fast",
      },
    },
  ],
});
