// Process-wide state. Next bundles each route separately and every bundle gets its own module
// instances, so a module-level `let` or `Map` exists once per route bundle, not once per
// process: a stop request, a sign-out or a key's cooldown recorded in one bundle would be
// invisible to the others. Everything that must be one per process lives here, on globalThis,
// under a name.
const registry = ((globalThis as typeof globalThis & { [key: symbol]: Map<string, unknown> | undefined })[
  Symbol.for("baatcheet.process-singletons")
] ??= new Map<string, unknown>());

/** The process's one value for `name`, made by `init` on first use. */
export function processSingleton<T>(name: string, init: () => T): T {
  if (!registry.has(name)) registry.set(name, init());
  return registry.get(name) as T;
}

/** Tests (and setters such as `setStorage`) put their own value in place of the process's. */
export function replaceProcessSingleton<T>(name: string, value: T): void {
  registry.set(name, value);
}
