// Prisma CLI config. Only `prisma generate` and `prisma migrate diff` between two schema files
// run here (new migrations are written by prisma/new-migration.mjs and applied by
// lib/db/migrate.ts). The WASM schema engine ("js") needs a driver adapter to start, so it gets
// a throwaway in-memory PGlite; no Rust engine binary (which cannot be downloaded) is involved.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Typed against an older driver-adapter-utils than the CLI's; the runtime contract matches.
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
