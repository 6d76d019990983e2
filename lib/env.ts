// The one typed environment: the app's configuration is read from process.env here and nowhere
// else. (Next's own NEXT_PHASE and NEXT_RUNTIME, set by Next rather than by whoever deploys,
// are read where they decide something: lib/db/index.ts and instrumentation.ts.)
// Every variable is optional: unset (or empty) selects the embedded default.
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const optionalUrl = optional.pipe(z.url().optional());

function positiveInt(fallback: number) {
  return optional
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(z.number().int().positive());
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset → embedded PGlite under DATA_DIR/pglite. */
  DATABASE_URL: optionalUrl,
  /** Connections the app keeps open to PostgreSQL (ignored on PGlite). */
  DATABASE_POOL_SIZE: positiveInt(10),
  /**
   * How long a request waits for a PostgreSQL connection before it answers 503
   * database_unavailable (ignored on PGlite). Bounds every request while the server is down or
   * unreachable; node-postgres would otherwise wait forever.
   */
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt(5000),
  /** Where embedded state lives (PGlite data, generated secrets, uploads). */
  DATA_DIR: optional.transform((value) => value ?? ".data"),
  /**
   * Which X-Forwarded-For entries to believe for the client's address (per-IP limits, sign-in
   * lockout): unset → none, the socket's address; a hop count ("1"); or addresses, CIDRs,
   * "loopback", "private" (comma separated) of the proxies in front. See lib/http/client-address.ts.
   */
  TRUST_PROXY: optional,
  /** The public base URL behind a proxy that rewrites the host (Auth.js reads it too); the same-origin check compares against it. */
  AUTH_URL: optionalUrl,
  /** Signs session tokens. Unset → generated once into DATA_DIR/auth-secret. */
  AUTH_SECRET: optional,
  /** SMTP connection URL (smtp://user:pass@host:587). Unset → mail goes to the server log and /dev/outbox. */
  SMTP_URL: optionalUrl,
  MAIL_FROM: optional.transform((value) => value ?? "BaatCheet <no-reply@baatcheet.local>"),
  /**
   * Who may read the dev outbox (only exists without SMTP_URL): "public" or "admins". Unset →
   * public under `npm run dev`, admins only in production, where the first admin's own code is
   * read from the server log.
   */
  DEV_OUTBOX: optional.pipe(z.enum(["public", "admins"]).optional()),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
  /** Local or self-hosted Redis (redis://host:6379): the rate-limit store unless Upstash is set. Reported by the detailed health check. */
  REDIS_URL: optionalUrl,
  /** Upstash Redis over REST (with the token): the rate-limit store when set. Neither → in memory (one instance). */
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optional,
  /** "off" turns every API rate limit off (benchmarks, load tests). Default "on". */
  RATE_LIMITS: optional.pipe(z.enum(["on", "off"]).default("on")),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Where uploads are kept on local disk. Unset → DATA_DIR/uploads. With UPLOADTHING_TOKEN set, files stored here before the switch are still read from here. */
  UPLOAD_DIR: optional,
  /** Uploadthing API token. Set → uploads are stored (privately) on Uploadthing instead of local disk. */
  UPLOADTHING_TOKEN: optional,
  /** Largest image (or PDF) upload in bytes; larger → 413. */
  UPLOAD_MAX_IMAGE_BYTES: positiveInt(10 * 1024 * 1024),
  /** Largest audio upload in bytes (Whisper's own limit is 25 MB); larger → 413. */
  UPLOAD_MAX_AUDIO_BYTES: positiveInt(25 * 1024 * 1024),
  /** Longest image side in pixels, checked from the header before decoding (decompression bombs). */
  IMAGE_MAX_DIMENSION: positiveInt(10_000),
  /** Most pixels (width × height) an image may have, checked before decoding. */
  IMAGE_MAX_PIXELS: positiveInt(40_000_000),
  /** Inngest event key. Set (with INNGEST_SIGNING_KEY) → jobs go to Inngest, served at /api/inngest; unset → the in-process executor runs them. */
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  /** A self-hosted Inngest server (unset → Inngest Cloud). */
  INNGEST_BASE_URL: optionalUrl,
  /** Jobs the in-process executor runs at once. */
  JOBS_CONCURRENCY: positiveInt(2),
  /**
   * On SIGTERM, how long running replies and jobs may go on before replies are saved as
   * incomplete and jobs handed back for the next process. Keep it under the orchestrator's own
   * grace (Kubernetes 30 s, `docker stop -t`), leaving a few seconds for the saves.
   */
  SHUTDOWN_GRACE_MS: positiveInt(20_000),
  /**
   * Set ("true") by `npm start`: Next leaves SIGTERM to the app, whose handler drains replies and
   * jobs before exiting. Without it Next's own handler exits once connections close.
   */
  NEXT_MANUAL_SIG_HANDLE: optional,
  /** An AI call with no first token after this long moves to the next key or provider (a provider that accepts and never answers). */
  AI_FIRST_TOKEN_TIMEOUT_MS: positiveInt(20_000),
  /** A stream silent this long mid-reply moves to the next key, which continues the text (a provider that stops mid-stream). */
  AI_STREAM_IDLE_TIMEOUT_MS: positiveInt(30_000),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

/** The AI providers BaatCheet can route to. `openai_compatible` is any server speaking the OpenAI API (Ollama, vLLM, LM Studio). */
export const aiProviderIds = ["groq", "openai", "gemini", "openrouter", "deepseek", "huggingface", "openai_compatible"] as const;
export type AiProviderId = (typeof aiProviderIds)[number];

const providerVariablesSchema = z.object({
  /** Base URL overrides: a proxy, a regional endpoint, or the stub server in tests. Unset → the provider's public API. */
  GROQ_BASE_URL: optionalUrl,
  OPENAI_BASE_URL: optionalUrl,
  GEMINI_BASE_URL: optionalUrl,
  OPENROUTER_BASE_URL: optionalUrl,
  DEEPSEEK_BASE_URL: optionalUrl,
  HUGGINGFACE_BASE_URL: optionalUrl,
  /** An OpenAI-compatible server such as Ollama (http://localhost:11434/v1). Set → the `openai_compatible` provider exists. */
  OPENAI_COMPATIBLE_BASE_URL: optionalUrl,
  /** Comma-separated model ids that server serves, e.g. "llama3.2,qwen2.5-coder:7b". */
  OPENAI_COMPATIBLE_MODELS: optional.transform((value) =>
    (value ?? "")
      .split(",")
      .map((modelId) => modelId.trim())
      .filter((modelId) => modelId !== ""),
  ),
});

/** `GROQ_API_KEY`, `GROQ_API_KEY_1` … `GROQ_API_KEY_N`, and likewise for every provider: one pool of keys each. */
const apiKeyVariable = /^([A-Z_]+)_API_KEY(?:_(\d+))?$/;
const apiKeyValue = optional.pipe(z.string().regex(/^\S+$/, "an API key cannot contain whitespace").optional());

export interface ProviderSettings {
  /** In pool order: the unnumbered variable first, then by number; duplicates dropped. */
  apiKeys: string[];
  baseURL: string | undefined;
}

export interface ProviderEnv {
  providers: Record<AiProviderId, ProviderSettings>;
  /** From OPENAI_COMPATIBLE_MODELS; the catalogue cannot know what a self-hosted server serves. */
  openaiCompatibleModelIds: string[];
}

function forEachProvider<T>(build: (providerId: AiProviderId) => T): Record<AiProviderId, T> {
  return Object.fromEntries(aiProviderIds.map((id) => [id, build(id)])) as Record<AiProviderId, T>;
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

function apiKeyVariables(source: Record<string, string | undefined>) {
  return Object.entries(source).flatMap(([name, value]) => {
    const match = apiKeyVariable.exec(name);
    const providerId = aiProviderIds.find((id) => id.toUpperCase() === match?.[1]);
    if (!match || !providerId) return [];
    return [{ name, value, providerId, number: match[2] === undefined ? 0 : Number(match[2]) }];
  });
}

/** Reads the AI provider settings: key pools, base URL overrides and the OpenAI-compatible server. */
export function parseProviderEnv(source: Record<string, string | undefined>): ProviderEnv {
  const variables = providerVariablesSchema.safeParse(source);
  const keyVariables = apiKeyVariables(source);
  const keyValues = z
    .record(z.string(), apiKeyValue)
    .safeParse(Object.fromEntries(keyVariables.map(({ name, value }) => [name, value])));

  const problems = [
    ...(variables.success ? [] : formatIssues(variables.error)),
    ...(keyValues.success ? [] : formatIssues(keyValues.error)),
  ];
  if (!variables.success || !keyValues.success) throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);

  const apiKeys = forEachProvider((): string[] => []);
  const inPoolOrder = [...keyVariables].sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
  for (const { name, providerId } of inPoolOrder) {
    const apiKey = keyValues.data[name];
    if (apiKey !== undefined && !apiKeys[providerId].includes(apiKey)) apiKeys[providerId].push(apiKey);
  }

  const settings = variables.data;
  const compatibleWithoutServer = apiKeys.openai_compatible.length > 0 || settings.OPENAI_COMPATIBLE_MODELS.length > 0;
  if (compatibleWithoutServer && !settings.OPENAI_COMPATIBLE_BASE_URL) {
    throw new Error(
      "Invalid environment:\n  OPENAI_COMPATIBLE_BASE_URL: required when OPENAI_COMPATIBLE_API_KEY or OPENAI_COMPATIBLE_MODELS is set",
    );
  }

  const baseURLs: Record<AiProviderId, string | undefined> = {
    groq: settings.GROQ_BASE_URL,
    openai: settings.OPENAI_BASE_URL,
    gemini: settings.GEMINI_BASE_URL,
    openrouter: settings.OPENROUTER_BASE_URL,
    deepseek: settings.DEEPSEEK_BASE_URL,
    huggingface: settings.HUGGINGFACE_BASE_URL,
    openai_compatible: settings.OPENAI_COMPATIBLE_BASE_URL,
  };
  return {
    providers: forEachProvider((id) => ({ apiKeys: apiKeys[id], baseURL: baseURLs[id] })),
    openaiCompatibleModelIds: settings.OPENAI_COMPATIBLE_MODELS,
  };
}

export const providerEnv = parseProviderEnv(process.env);
