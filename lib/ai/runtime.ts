// The process-wide AI runtime: provider registry, one key pool per provider, and the catalogue.
// Health lives in memory (single instance); tests swap in a runtime pointed at the stub server.
import { env, providerEnv } from "@/lib/env";
import { processSingleton, replaceProcessSingleton } from "@/lib/process/singleton";
import { listAvailableModels, type CatalogueModel } from "./catalogue";
import { createKeyPools, type KeyPool } from "./key-pool";
import { createProviderRegistry, type ProviderRegistry } from "./providers";
import type { AiProviderId, ProviderEnv } from "@/lib/env";

export interface RouterTimeouts {
  /** No first token within this → the next key. */
  firstTokenMs: number;
  /** Silence this long mid-stream → the next key, continuing the text. */
  idleMs: number;
}

/** From AI_FIRST_TOKEN_TIMEOUT_MS and AI_STREAM_IDLE_TIMEOUT_MS (20 s and 30 s unless set). */
export const DEFAULT_TIMEOUTS: RouterTimeouts = { firstTokenMs: env.AI_FIRST_TOKEN_TIMEOUT_MS, idleMs: env.AI_STREAM_IDLE_TIMEOUT_MS };

export interface AiRuntime {
  registry: ProviderRegistry;
  pools: Map<AiProviderId, KeyPool>;
  /** Models with at least one configured key, in catalogue order. */
  models: CatalogueModel[];
  now: () => number;
  timeouts: RouterTimeouts;
}

export function createAiRuntime(
  settings: ProviderEnv,
  options: { now?: () => number; timeouts?: RouterTimeouts } = {},
): AiRuntime {
  const registry = createProviderRegistry(settings);
  const now = options.now ?? Date.now;
  return {
    registry,
    pools: createKeyPools(registry, { now }),
    models: listAvailableModels(registry),
    now,
    timeouts: options.timeouts ?? DEFAULT_TIMEOUTS,
  };
}

export function aiRuntime(): AiRuntime {
  return processSingleton("ai-runtime", () => createAiRuntime(providerEnv));
}

/** Tests point the app at their own stub providers. */
export function setAiRuntime(runtime: AiRuntime): void {
  replaceProcessSingleton("ai-runtime", runtime);
}
