// Prisma CLI config. Migrations are created offline: the WASM schema engine ("js") talks to a
// throwaway PGlite database, so no engine binary is ever downloaded. The app applies the SQL
// files itself (lib/db/migrate.ts) on PGlite and PostgreSQL alike.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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
