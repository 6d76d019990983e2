// The provider registry: which AI providers this deployment can reach, where, and with which keys.
// Built from `providerEnv` once; functions here take the registry (or a provider) explicitly so
// tests and the router never depend on process.env.
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createGroq } from "@ai-sdk/groq";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { aiProviderIds, type AiProviderId, type ProviderEnv } from "@/lib/env";

interface ProviderDefaults {
  displayName: string;
  /** Undefined only for `openai_compatible`, which exists only once a base URL is configured. */
  baseURL: string | undefined;
}

const providerDefaults: Record<AiProviderId, ProviderDefaults> = {
  groq: { displayName: "Groq", baseURL: "https://api.groq.com/openai/v1" },
  openai: { displayName: "OpenAI", baseURL: "https://api.openai.com/v1" },
  gemini: { displayName: "Google Gemini", baseURL: "https://generativelanguage.googleapis.com/v1beta" },
  openrouter: { displayName: "OpenRouter", baseURL: "https://openrouter.ai/api/v1" },
  deepseek: { displayName: "DeepSeek", baseURL: "https://api.deepseek.com/v1" },
  huggingface: { displayName: "Hugging Face", baseURL: "https://router.huggingface.co/v1" },
  openai_compatible: { displayName: "OpenAI-compatible server", baseURL: undefined },
};

export interface ProviderConfig {
  id: AiProviderId;
  displayName: string;
  baseURL: string | undefined;
  /** The key pool, in order. Empty for a keyless OpenAI-compatible server (a local Ollama). */
  apiKeys: readonly string[];
}

export interface ProviderRegistry {
  providers: Readonly<Record<AiProviderId, ProviderConfig>>;
  /** Model ids the OpenAI-compatible server serves (OPENAI_COMPATIBLE_MODELS). */
  openaiCompatibleModelIds: readonly string[];
}

export function createProviderRegistry(providerEnv: ProviderEnv): ProviderRegistry {
  const entries = aiProviderIds.map((id): [AiProviderId, ProviderConfig] => {
    const settings = providerEnv.providers[id];
    const defaults = providerDefaults[id];
    return [
      id,
      { id, displayName: defaults.displayName, baseURL: settings.baseURL ?? defaults.baseURL, apiKeys: settings.apiKeys },
    ];
  });
  return {
    providers: Object.fromEntries(entries) as Record<AiProviderId, ProviderConfig>,
    openaiCompatibleModelIds: providerEnv.openaiCompatibleModelIds,
  };
}

/** A provider is usable with at least one key; a self-hosted OpenAI-compatible server may need none. */
export function isProviderConfigured(provider: ProviderConfig): boolean {
  if (provider.baseURL === undefined) return false;
  return provider.id === "openai_compatible" || provider.apiKeys.length > 0;
}

export function listConfiguredProviders(registry: ProviderRegistry): ProviderConfig[] {
  return aiProviderIds.map((id) => registry.providers[id]).filter(isProviderConfigured);
}

export interface LanguageModelTarget {
  provider: ProviderConfig;
  providerModelId: string;
  /** Undefined only for a keyless OpenAI-compatible server. */
  apiKey: string | undefined;
}

/**
 * Builds an AI SDK model bound to one key of the pool. The key is always passed explicitly:
 * left undefined, the AI SDK providers would fall back to reading process.env themselves.
 */
export function createLanguageModel({ provider, providerModelId, apiKey }: LanguageModelTarget): LanguageModelV3 {
  const { id, baseURL } = provider;
  if (baseURL === undefined) throw new Error(`Provider ${id} has no base URL configured.`);
  if (id === "openai_compatible") {
    return createOpenAICompatible({ name: id, baseURL, apiKey, includeUsage: true }).chatModel(providerModelId);
  }
  if (apiKey === undefined) throw new Error(`Provider ${id} needs an API key.`);
  switch (id) {
    case "groq":
      return createGroq({ baseURL, apiKey })(providerModelId);
    case "openai":
      // Chat Completions rather than the Responses API: the wire format every other provider
      // here (and the stub server in tests) speaks, so failover and usage accounting behave alike.
      return createOpenAI({ baseURL, apiKey }).chat(providerModelId);
    case "gemini":
      return createGoogleGenerativeAI({ baseURL, apiKey })(providerModelId);
    case "openrouter":
    case "deepseek":
    case "huggingface":
      return createOpenAICompatible({ name: id, baseURL, apiKey, includeUsage: true }).chatModel(providerModelId);
  }
}

// Models are stateless and building one costs ~0.5 ms (each builds its response schemas), so
// the router reuses one per provider, base URL, key and model. Bounded for tests that make
// many registries; a deployment has a few keys times a few models.
const MAX_CACHED_MODELS = 1_000;
const models = new Map<string, LanguageModelV3>();

/** `createLanguageModel`, built once per target and reused. */
export function languageModelFor(target: LanguageModelTarget): LanguageModelV3 {
  const key = JSON.stringify([target.provider.id, target.provider.baseURL, target.apiKey ?? null, target.providerModelId]);
  let model = models.get(key);
  if (!model) {
    if (models.size >= MAX_CACHED_MODELS) models.clear();
    model = createLanguageModel(target);
    models.set(key, model);
  }
  return model;
}
