// The job registry's layering (STYLE.md rule 10): functions import lib, never the other way, and
// lib/jobs sits below the domains that start jobs.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes("generated"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every module a file imports (static, dynamic or re-exported), as written. */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((match) => match[1]!);
}

async function offenders(dir: string, forbidden: (specifier: string, file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sourceFiles(dir)) {
    for (const specifier of await importsOf(file)) if (forbidden(specifier, file)) found.push(`${file} → ${specifier}`);
  }
  return found;
}

describe("job layering", () => {
  it("nothing in lib imports the inngest/ folder", async () => {
    const intoInngest = (specifier: string, file: string) =>
      specifier === "@/inngest" ||
      specifier.startsWith("@/inngest/") ||
      (specifier.startsWith(".") && path.resolve(root, path.dirname(file), specifier).startsWith(path.join(root, "inngest")));
    expect(await offenders("lib", intoInngest)).toEqual([]);
  });

  it("lib/jobs imports no domain (domains import lib/jobs)", async () => {
    const allowed = ["@/lib/jobs/", "@/lib/db", "@/lib/env", "@/lib/log", "@/lib/http/errors", "@/lib/process/", "@/lib/testing/"];
    const intoDomain = (specifier: string) => specifier.startsWith("@/") && !allowed.some((prefix) => specifier.startsWith(prefix));
    expect(await offenders("lib/jobs", intoDomain)).toEqual([]);
  });
});
