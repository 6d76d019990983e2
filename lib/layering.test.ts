// The import graph, as the architecture promises it: lib never imports app/, components/ or the
// inngest/ functions (which import lib), no two top-level lib folders (or files: lib/errors.ts
// counts as `errors`) import each other, directly or round a loop, and lib/jobs sits below the
// domains that start jobs (STYLE.md rule 10).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const lib = path.join(process.cwd(), "lib");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    }),
  );
  return nested.flat();
}

/** `lib/auth/principal.ts` → `auth`; `lib/errors.ts` → `errors`. */
const nodeOf = (libRelative: string) => libRelative.split(/[\\/]/)[0]!.replace(/\.tsx?$/, "");

/** Each import, dynamic import or re-export specifier, type-only ones included: a type import still couples folders. */
function specifiers(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/gm),
  ].map((match) => (match[1] ?? match[2] ?? match[3])!);
}

async function importGraph() {
  const edges = new Map<string, Set<string>>();
  const outOfLayer: string[] = [];
  for (const file of await sourceFiles(lib)) {
    const from = nodeOf(path.relative(lib, file));
    for (const specifier of specifiers(await readFile(file, "utf8"))) {
      const target = specifier.startsWith("@/") ? path.join(process.cwd(), specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier) : null;
      if (!target) continue;
      const relative = path.relative(process.cwd(), target);
      if (/^(app|components|inngest)(?:[\\/]|$)/.test(relative)) outOfLayer.push(`${path.relative(process.cwd(), file)} → ${specifier}`);
      if (!relative.startsWith(`lib${path.sep}`)) continue;
      const to = nodeOf(path.relative(lib, target));
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return { edges, outOfLayer };
}

/** Strongly connected components of two or more folders (Tarjan): each is a cycle. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("lib import graph", () => {
  it("has no cycle between lib folders", async () => {
    const { edges } = await importGraph();
    expect(edges.get("http")).toContain("auth");
    expect(cycles(edges)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const edges = new Map([
      ["http", new Set(["auth"])],
      ["auth", new Set(["api-keys"])],
      ["api-keys", new Set(["http", "db"])],
    ]);
    expect(cycles(edges)).toEqual([["api-keys", "auth", "http"]]);
  });

  it("never imports app/, components/ or inngest/", async () => {
    expect((await importGraph()).outOfLayer).toEqual([]);
  });

  it("keeps lib/jobs below the domains: it imports only the data layer, env, log, errors and process state", async () => {
    const allowed = new Set(["jobs", "db", "env", "log", "errors", "process"]);
    const { edges } = await importGraph();
    expect([...(edges.get("jobs") ?? [])].filter((to) => !allowed.has(to))).toEqual([]);
  });
});
