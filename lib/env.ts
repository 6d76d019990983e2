// The one typed environment. Nothing else reads process.env.
// Every variable is optional: unset (or empty) selects the embedded default.
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const optionalUrl = optional.pipe(z.url().optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset → embedded PGlite under DATA_DIR/pglite. */
  DATABASE_URL: optionalUrl,
  /** Where embedded state lives (PGlite data, generated secrets, uploads). */
  DATA_DIR: optional.transform((value) => value ?? ".data"),
  /** Signs session tokens. Unset → generated once into DATA_DIR/auth-secret. */
  AUTH_SECRET: optional,
  /** SMTP connection URL (smtp://user:pass@host:587). Unset → mail goes to the server log and /dev/outbox. */
  SMTP_URL: optionalUrl,
  MAIL_FROM: optional.transform((value) => value ?? "BaatCheet <no-reply@baatcheet.local>"),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
  /** Local or self-hosted Redis (redis://host:6379). Reported by the detailed health check. */
  REDIS_URL: optionalUrl,
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optional,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
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
