// The model catalogue: what each provider's models can do, how fast and good they are, and roughly
// what they cost. Built-in entries are data validated at load; the OpenAI-compatible server's
// models come from OPENAI_COMPATIBLE_MODELS with conservative defaults.
import { z } from "zod";
import { aiProviderIds, type AiProviderId } from "@/lib/env";
import { isProviderConfigured, type ProviderRegistry } from "./providers";

export const modelTiers = ["fast", "balanced", "quality"] as const;
export const modelCategories = ["coding", "writing", "research", "general"] as const;

export function catalogueModelId(provider: AiProviderId, providerModelId: string): string {
  return `${provider}:${providerModelId}`;
}

export const catalogueModelSchema = z
  .object({
    id: z.string().describe("`<provider>:<provider model id>`, e.g. `groq:llama-3.3-70b-versatile`"),
    provider: z.enum(aiProviderIds),
    providerModelId: z.string().min(1).describe("The id the provider's API expects"),
    displayName: z.string().min(1),
    contextWindow: z.int().positive().describe("Input plus output tokens the model accepts"),
    maxOutputTokens: z.int().positive(),
    capabilities: z.object({ vision: z.boolean(), tools: z.boolean() }),
    tier: z.enum(modelTiers).describe("Speed/quality trade-off: fast, balanced or quality"),
    categories: z.array(z.enum(modelCategories)).min(1).describe("What the model is a good pick for"),
    pricePerMillionTokens: z
      .object({ input: z.number().nonnegative(), output: z.number().nonnegative() })
      .describe("Rough USD list price, for cost estimates only"),
  })
  .refine((model) => model.id === catalogueModelId(model.provider, model.providerModelId), {
    message: "id must be `<provider>:<provider model id>`",
    path: ["id"],
  })
  .refine((model) => model.maxOutputTokens <= model.contextWindow, {
    message: "maxOutputTokens cannot exceed the context window",
    path: ["maxOutputTokens"],
  });

export type CatalogueModel = z.infer<typeof catalogueModelSchema>;

type ModelSpec = Omit<CatalogueModel, "id" | "provider">;
type BuiltInProviderId = Exclude<AiProviderId, "openai_compatible">;

const textOnly = { vision: false, tools: false };
const textWithTools = { vision: false, tools: true };
const visionWithTools = { vision: true, tools: true };

// Model ids and prices as listed by the providers in 2025–26; prices drift, so they only feed estimates.
const builtInSpecs: Record<BuiltInProviderId, ModelSpec[]> = {
  groq: [
    {
      providerModelId: "llama-3.3-70b-versatile",
      displayName: "Llama 3.3 70B",
      contextWindow: 131_072,
      maxOutputTokens: 32_768,
      capabilities: textWithTools,
      tier: "balanced",
      categories: ["general", "writing", "coding"],
      pricePerMillionTokens: { input: 0.59, output: 0.79 },
    },
    {
      providerModelId: "llama-3.1-8b-instant",
      displayName: "Llama 3.1 8B Instant",
      contextWindow: 131_072,
      maxOutputTokens: 8_192,
      capabilities: textWithTools,
      tier: "fast",
      categories: ["general"],
      pricePerMillionTokens: { input: 0.05, output: 0.08 },
    },
    {
      providerModelId: "openai/gpt-oss-120b",
      displayName: "GPT-OSS 120B",
      contextWindow: 131_072,
      maxOutputTokens: 65_536,
      capabilities: textWithTools,
      tier: "quality",
      categories: ["coding", "research", "general"],
      pricePerMillionTokens: { input: 0.15, output: 0.6 },
    },
    {
      providerModelId: "openai/gpt-oss-20b",
      displayName: "GPT-OSS 20B",
      contextWindow: 131_072,
      maxOutputTokens: 65_536,
      capabilities: textWithTools,
      tier: "fast",
      categories: ["coding", "general"],
      pricePerMillionTokens: { input: 0.075, output: 0.3 },
    },
    {
      providerModelId: "meta-llama/llama-4-scout-17b-16e-instruct",
      displayName: "Llama 4 Scout",
      contextWindow: 131_072,
      maxOutputTokens: 8_192,
      capabilities: visionWithTools,
      tier: "fast",
      categories: ["general"],
      pricePerMillionTokens: { input: 0.11, output: 0.34 },
    },
  ],
  openai: [
    {
      providerModelId: "gpt-4.1-mini",
      displayName: "GPT-4.1 mini",
      contextWindow: 1_047_576,
      maxOutputTokens: 32_768,
      capabilities: visionWithTools,
      tier: "balanced",
      categories: ["general", "writing", "coding"],
      pricePerMillionTokens: { input: 0.4, output: 1.6 },
    },
    {
      providerModelId: "gpt-4.1",
      displayName: "GPT-4.1",
      contextWindow: 1_047_576,
      maxOutputTokens: 32_768,
      capabilities: visionWithTools,
      tier: "quality",
      categories: ["coding", "writing", "research"],
      pricePerMillionTokens: { input: 2, output: 8 },
    },
    {
      providerModelId: "gpt-4o-mini",
      displayName: "GPT-4o mini",
      contextWindow: 128_000,
      maxOutputTokens: 16_384,
      capabilities: visionWithTools,
      tier: "fast",
      categories: ["general"],
      pricePerMillionTokens: { input: 0.15, output: 0.6 },
    },
    {
      providerModelId: "o4-mini",
      displayName: "o4-mini",
      contextWindow: 200_000,
      maxOutputTokens: 100_000,
      capabilities: visionWithTools,
      tier: "quality",
      categories: ["coding", "research"],
      pricePerMillionTokens: { input: 1.1, output: 4.4 },
    },
  ],
  gemini: [
    {
      providerModelId: "gemini-2.5-flash",
      displayName: "Gemini 2.5 Flash",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: visionWithTools,
      tier: "balanced",
      categories: ["general", "writing", "research"],
      pricePerMillionTokens: { input: 0.3, output: 2.5 },
    },
    {
      providerModelId: "gemini-2.5-pro",
      displayName: "Gemini 2.5 Pro",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: visionWithTools,
      tier: "quality",
      categories: ["coding", "research", "writing"],
      pricePerMillionTokens: { input: 1.25, output: 10 },
    },
    {
      providerModelId: "gemini-2.5-flash-lite",
      displayName: "Gemini 2.5 Flash-Lite",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: visionWithTools,
      tier: "fast",
      categories: ["general"],
      pricePerMillionTokens: { input: 0.1, output: 0.4 },
    },
  ],
  openrouter: [
    {
      providerModelId: "anthropic/claude-sonnet-4",
      displayName: "Claude Sonnet 4 (OpenRouter)",
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      capabilities: visionWithTools,
      tier: "quality",
      categories: ["coding", "writing", "research"],
      pricePerMillionTokens: { input: 3, output: 15 },
    },
    {
      providerModelId: "meta-llama/llama-3.3-70b-instruct",
      displayName: "Llama 3.3 70B (OpenRouter)",
      contextWindow: 131_072,
      maxOutputTokens: 16_384,
      capabilities: textWithTools,
      tier: "balanced",
      categories: ["general", "writing"],
      pricePerMillionTokens: { input: 0.13, output: 0.4 },
    },
    {
      providerModelId: "qwen/qwen-2.5-coder-32b-instruct",
      displayName: "Qwen 2.5 Coder 32B (OpenRouter)",
      contextWindow: 32_768,
      maxOutputTokens: 8_192,
      capabilities: textOnly,
      tier: "balanced",
      categories: ["coding"],
      pricePerMillionTokens: { input: 0.07, output: 0.16 },
    },
  ],
  deepseek: [
    {
      providerModelId: "deepseek-chat",
      displayName: "DeepSeek Chat",
      contextWindow: 128_000,
      maxOutputTokens: 8_192,
      capabilities: textWithTools,
      tier: "balanced",
      categories: ["general", "coding", "writing"],
      pricePerMillionTokens: { input: 0.28, output: 0.42 },
    },
    {
      providerModelId: "deepseek-reasoner",
      displayName: "DeepSeek Reasoner",
      contextWindow: 128_000,
      maxOutputTokens: 65_536,
      capabilities: textOnly,
      tier: "quality",
      categories: ["coding", "research"],
      pricePerMillionTokens: { input: 0.28, output: 0.42 },
    },
  ],
  huggingface: [
    {
      providerModelId: "meta-llama/Llama-3.1-8B-Instruct",
      displayName: "Llama 3.1 8B (Hugging Face)",
      contextWindow: 131_072,
      maxOutputTokens: 8_192,
      capabilities: textWithTools,
      tier: "fast",
      categories: ["general"],
      pricePerMillionTokens: { input: 0.05, output: 0.08 },
    },
    {
      providerModelId: "Qwen/Qwen2.5-Coder-32B-Instruct",
      displayName: "Qwen 2.5 Coder 32B (Hugging Face)",
      contextWindow: 32_768,
      maxOutputTokens: 8_192,
      capabilities: textOnly,
      tier: "balanced",
      categories: ["coding"],
      pricePerMillionTokens: { input: 0.2, output: 0.2 },
    },
    {
      providerModelId: "deepseek-ai/DeepSeek-R1",
      displayName: "DeepSeek R1 (Hugging Face)",
      contextWindow: 128_000,
      maxOutputTokens: 32_768,
      capabilities: textOnly,
      tier: "quality",
      categories: ["research", "coding"],
      pricePerMillionTokens: { input: 0.55, output: 2.19 },
    },
  ],
};

const catalogueSchema = z.array(catalogueModelSchema).refine(
  (models) => new Set(models.map((model) => model.id)).size === models.length,
  { message: "model ids must be unique" },
);

function withIds(provider: AiProviderId, specs: ModelSpec[]): CatalogueModel[] {
  return specs.map((spec) => ({ id: catalogueModelId(provider, spec.providerModelId), provider, ...spec }));
}

export const builtInModels: readonly CatalogueModel[] = catalogueSchema.parse(
  Object.entries(builtInSpecs).flatMap(([provider, specs]) => withIds(provider as BuiltInProviderId, specs)),
);

/**
 * What a self-hosted server serves is unknown until asked, so its models get modest limits
 * (a small local context window) and no tools or vision; it costs nothing per token.
 */
export function openaiCompatibleModel(providerModelId: string): CatalogueModel {
  return {
    id: catalogueModelId("openai_compatible", providerModelId),
    provider: "openai_compatible",
    providerModelId,
    displayName: providerModelId,
    contextWindow: 8_192,
    maxOutputTokens: 4_096,
    capabilities: textOnly,
    tier: "balanced",
    categories: ["general"],
    pricePerMillionTokens: { input: 0, output: 0 },
  };
}

/** Every model this deployment knows of, configured or not. */
export function buildCatalogue(registry: ProviderRegistry): CatalogueModel[] {
  return [...builtInModels, ...registry.openaiCompatibleModelIds.map(openaiCompatibleModel)];
}

/** The models a request can be routed to now: their provider has a key (or, for a self-hosted server, a base URL). */
export function listAvailableModels(registry: ProviderRegistry): CatalogueModel[] {
  return buildCatalogue(registry).filter((model) => isProviderConfigured(registry.providers[model.provider]));
}

export function estimateCostUsd(model: CatalogueModel, usage: { inputTokens: number; outputTokens: number }): number {
  const { input, output } = model.pricePerMillionTokens;
  return (usage.inputTokens * input + usage.outputTokens * output) / 1_000_000;
}
