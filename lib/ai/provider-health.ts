// Provider and key health for operators: what GET /api/v1/health/providers shows, and the
// admin action that brings a key marked dead (401) back.
import { AppError } from "@/lib/errors";
import { aiRuntime } from "./runtime";

export function listProviderHealth() {
  const { registry, pools } = aiRuntime();
  return [...pools.entries()].map(([id, pool]) => ({
    id,
    displayName: registry.providers[id].displayName,
    keys: pool.snapshot(),
  }));
}

export function enableProviderKey(keyId: string) {
  for (const pool of aiRuntime().pools.values()) {
    const key = pool.snapshot().find((health) => health.id === keyId);
    if (!key) continue;
    pool.enable(keyId);
    return pool.snapshot().find((health) => health.id === keyId)!;
  }
  throw new AppError("not_found", `No provider key ${keyId}.`);
}
